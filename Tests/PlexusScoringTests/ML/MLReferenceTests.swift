import PlexusScoring
import Testing

/// The TF-IDF features and both algorithms' probabilities against scikit-learn 1.9
/// (`scripts/reference/ml_fixtures.py`). Tolerances: TF-IDF 1e-12 (the same arithmetic),
/// naive Bayes 1e-9 (closed form), logistic regression 1e-4 (two optimizers reaching the
/// same optimum, each to its own stopping rule).
@Suite("ml: reference fixtures from scikit-learn")
struct MLReferenceTests {
    static let cases = (try? MLReferenceCase.all()) ?? []

    @Test("The fixture file has cases")
    func fixtureLoads() throws {
        #expect(try MLReferenceCase.all().count >= 6)
    }

    @Test("Vocabulary and idf match TfidfVectorizer", arguments: cases)
    func vocabularyAndIDF(_ reference: MLReferenceCase) throws {
        let model = try reference.trainedModel(.naiveBayes)
        #expect(model.vectorizer.vocabulary == reference.vocabulary)
        expectClose(model.vectorizer.idf, reference.idf, tolerance: 1e-12, "idf")
    }

    @Test("Transformed rows match TfidfVectorizer.transform", arguments: cases)
    func transformedRows(_ reference: MLReferenceCase) throws {
        let model = try reference.trainedModel(.naiveBayes)
        for (text, row) in zip(reference.test_texts, reference.transformed) {
            let vector = model.vectorizer.transform(text)
            #expect(vector.indices == row.indices, "\(text)")
            expectClose(vector.values, row.values, tolerance: 1e-12, "tf-idf of \(text)")
        }
    }

    @Test("Naive Bayes probabilities match MultinomialNB.predict_proba", arguments: cases)
    func naiveBayes(_ reference: MLReferenceCase) throws {
        let model = try reference.trainedModel(.naiveBayes)
        #expect(model.classes == reference.classes)
        for (text, expected) in zip(reference.test_texts, reference.nb_proba) {
            expectClose(model.predict(text).probabilities, expected, tolerance: 1e-9, "NB p(\(text))")
        }
    }

    @Test("Logistic regression probabilities match LogisticRegression.predict_proba", arguments: cases)
    func logisticRegression(_ reference: MLReferenceCase) throws {
        let model = try reference.trainedModel(.logisticRegression)
        #expect(model.classes == reference.classes)
        for (text, expected) in zip(reference.test_texts, reference.lr_proba) {
            expectClose(model.predict(text).probabilities, expected, tolerance: 1e-4, "LR p(\(text))")
        }
    }
}
