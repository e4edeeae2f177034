/// The GraphQL documents the tests send, written as a client would write them: named
/// operations, typed variables and fragments.
enum Operations {
    static let scoreResultFields = """
        fragment ScoreResultFields on ScoreResult {
          id accountId scorecardId scoreId itemId value confidence explanation metadata cost latency
          evaluationId scoringJobId idempotencyKey createdAt updatedAt
        }
        """

    static let experimentFields = """
        fragment ExperimentFields on Experiment {
          id type accountId scorecardId scoreId parameters status progress processedItems totalItems accuracy
          metrics confusionMatrix errorMessage errorDetails createdAt updatedAt startedAt completedAt
        }
        """

    static let scorecardFields = """
        fragment ScorecardFields on Scorecard {
          id accountId key name description version createdAt updatedAt
          sections { id name scores { id key name classes positiveClass } }
        }
        """

    static let createScoreResult = """
        mutation CreateScoreResult($input: CreateScoreResultInput!) {
          createScoreResult(input: $input) { ...ScoreResultFields }
        }
        """ + scoreResultFields

    static let updateScoreResult = """
        mutation UpdateScoreResult($input: UpdateScoreResultInput!) {
          updateScoreResult(input: $input) { ...ScoreResultFields }
        }
        """ + scoreResultFields

    static let getScoreResult = """
        query GetScoreResult($id: ID!) { getScoreResult(id: $id) { ...ScoreResultFields } }
        """ + scoreResultFields

    static let listScoreResults = """
        query ListScoreResults($scorecardId: ID, $scoreId: ID, $itemId: ID, $evaluationId: ID, $since: String,
                               $until: String, $limit: Int, $nextToken: String) {
          listScoreResults(scorecardId: $scorecardId, scoreId: $scoreId, itemId: $itemId, evaluationId: $evaluationId,
                           since: $since, until: $until, limit: $limit, nextToken: $nextToken) {
            items { id value } nextToken
          }
        }
        """

    static let createExperiment = """
        mutation CreateExperiment($input: CreateExperimentInput!) {
          createExperiment(input: $input) { ...ExperimentFields }
        }
        """ + experimentFields

    static let updateExperiment = """
        mutation UpdateExperiment($input: UpdateExperimentInput!) {
          updateExperiment(input: $input) { ...ExperimentFields }
        }
        """ + experimentFields

    static let getExperiment = """
        query GetExperiment($id: ID!) { getExperiment(id: $id) { ...ExperimentFields } }
        """ + experimentFields

    static let listExperiments = """
        query ListExperiments($scorecardId: ID, $limit: Int, $nextToken: String) {
          listExperiments(scorecardId: $scorecardId, limit: $limit, nextToken: $nextToken) { items { id status } nextToken }
        }
        """

    static let getScorecard = """
        query GetScorecard($key: String!) { getScorecard(key: $key) { ...ScorecardFields } }
        """ + scorecardFields

    static let getScorecardById = """
        query GetScorecardById($id: ID!) { getScorecardById(id: $id) { ...ScorecardFields } }
        """ + scorecardFields

    static let listScorecards = """
        query ListScorecards($limit: Int, $nextToken: String) {
          listScorecards(limit: $limit, nextToken: $nextToken) { items { id key } nextToken }
        }
        """

    static let getAccount = """
        query GetAccount($id: ID!) { getAccount(id: $id) { id key name createdAt } }
        """

    static let getItem = """
        query GetItem($id: ID!) { getItem(id: $id) { id externalId text metadata createdAt } }
        """
}
