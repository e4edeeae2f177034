/// How an `ml` classifier turns TF-IDF features into class probabilities.
public enum TextModelAlgorithm: String, Sendable, Hashable, Codable, CaseIterable {
    /// L2-penalized logistic regression (multinomial for three or more classes), as scikit-learn's
    /// `LogisticRegression(solver="lbfgs")` fits it.
    case logisticRegression = "logistic_regression"
    /// Multinomial naive Bayes with additive smoothing, as scikit-learn's `MultinomialNB`.
    case naiveBayes = "naive_bayes"
}
