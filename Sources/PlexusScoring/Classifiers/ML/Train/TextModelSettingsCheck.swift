/// The ranges ``TextModelTrainer`` accepts for each setting.
enum TextModelSettingsCheck {
    /// Throws for the first setting out of range.
    static func check(_ settings: TextModelSettings) throws(TextModelTrainingError) {
        if settings.ngramRange.lowerBound < 1 {
            throw .invalidSetting(name: "ngram_range", value: "\(settings.ngramRange)", expected: "n-gram lengths of at least 1")
        }
        if settings.minDF < 1 { throw .invalidSetting(name: "min_df", value: "\(settings.minDF)", expected: "an integer of at least 1") }
        if let maxFeatures = settings.maxFeatures, maxFeatures < 1 {
            throw .invalidSetting(name: "max_features", value: "\(maxFeatures)", expected: "an integer of at least 1")
        }
        if !(settings.c > 0 && settings.c.isFinite) { throw .invalidSetting(name: "c", value: "\(settings.c)", expected: "a number above 0") }
        if !(settings.alpha > 0 && settings.alpha.isFinite) {
            throw .invalidSetting(name: "alpha", value: "\(settings.alpha)", expected: "a number above 0")
        }
        if !(settings.testSize >= 0 && settings.testSize < 1) {
            throw .invalidSetting(name: "test_size", value: "\(settings.testSize)", expected: "a fraction from 0 up to (not including) 1")
        }
    }
}
