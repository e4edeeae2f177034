import Hummingbird
import PlexusCore
import PlexusStore

/// `/api/v1/evaluations/{id}/compare/{candidateId}`: is the candidate evaluation really more (or less)
/// accurate than the baseline `{id}`?
struct ComparisonRoutes {
    let store: SQLStore

    func register(on group: RouterGroup<PlexusRequestContext>) {
        // `:id` as in `evaluations/:id`: the router's trie does not backtrack between differently named captures.
        group.get("evaluations/:id/compare/:candidateId") { request, context in
            let principal = try context.requirePrincipal()
            let comparison = try await EvaluationComparison.load(
                store, accountID: principal.accountID, baselineID: try context.parameters.require("id"),
                candidateID: try context.parameters.require("candidateId"), settings: try Self.settings(request))
            return JSONResponse.make(comparison)
        }
    }

    /// The `resamples` (default 10,000; 100–100,000) and `seed` (default 1) parameters, with 400s naming them.
    static func settings(_ request: Request) throws -> EvaluationComparison.Settings {
        let query = QueryParameters(request: request)
        var settings = EvaluationComparison.Settings()
        let range = EvaluationComparison.Settings.resampleRange
        if let text = query.string("resamples") {
            guard let resamples = Int(text), range.contains(resamples) else {
                throw APIError.badParameter("resamples", "resamples must be a whole number between \(range.lowerBound) and \(range.upperBound); got '\(text)'.")
            }
            settings.resamples = resamples
        }
        if let text = query.string("seed") {
            guard let seed = UInt64(text) else {
                throw APIError.badParameter("seed", "seed must be a whole number between 0 and \(UInt64.max); got '\(text)'.")
            }
            settings.seed = seed
        }
        return settings
    }
}
