import ArgumentParser
import Foundation
import PlexusModels

/// `plexus-bench models`: Plexus's ONNX interpreter and explainers against onnxruntime, shap and
/// lime on the same models and rows, timed in the same run, one thread each.
struct ModelsBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "models",
        abstract: "Time Plexus's predictions and explanations against onnxruntime, shap and lime on the same models.",
        discussion: """
        scripts/bench/models_reference.py trains a random forest (100 trees, depth 8), gradient boosting \
        (100 trees, depth 3), logistic regression and an MLP on 20 features, exports them with skl2onnx, \
        writes the rows, and times onnxruntime (batch and single-row latency, one thread), \
        shap.TreeExplainer (path-dependent, 1,000 rows), shap.KernelExplainer (10 rows, 500 samples) and \
        lime (10 rows, 5,000 samples). Plexus then does the same work on the same files and rows. Targets: \
        random forest batch prediction at least as fast as onnxruntime and single-row latency at most half of \
        its; TreeSHAP at least 2× faster than shap; KernelSHAP and LIME at least 10× faster than their \
        packages. Build with -c release for figures worth quoting.
        """
    )

    @Option(help: "Rows to predict.")
    var rows = 100_000

    @Option(help: "The Python with scikit-learn, skl2onnx, onnxruntime, shap and lime.")
    var python = ".venv/bin/python"

    @Option(help: "The reference script.")
    var referenceScript = "scripts/bench/models_reference.py"

    struct Reference: Decodable {
        let rows: Int
        let features: Int
        let onnxruntimePredictSeconds: [String: Double]
        let onnxruntimeLatencySeconds: [String: Double]
        let shapTreeSeconds: [String: Double]
        let shapKernelSeconds: Double
        let limeSeconds: Double
        let versions: [String: String]
    }

    func run() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("plexus-models-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let reference = try runReference(folder: folder)
        let features = reference.features
        let rows = try Self.matrix(folder.appendingPathComponent("rows.f32"), columns: features)
        let background = try Self.matrix(folder.appendingPathComponent("background.f32"), columns: features)
        print("plexus-bench models: \(rows.rows) rows × \(features) features; references \(reference.versions.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))")
        print("work                                   Plexus        reference     ratio (reference ÷ Plexus)")
        for name in ["random_forest", "gradient_boosting", "logistic_regression", "mlp"] {
            let runner = try ModelRunner(ONNXModel(bytes: Data(contentsOf: folder.appendingPathComponent("\(name).onnx"))))
            let batch = try Self.best(3) { _ = try Self.predict(runner, rows) }
            Self.line("predict \(rows.rows) rows: \(name)", batch, reference.onnxruntimePredictSeconds[name])
            let single = FeatureMatrix(values: Array(rows.values[0 ..< features]), rows: 1, columns: features)
            _ = try Self.predict(runner, single)
            var samples: [Double] = []
            for index in 0 ..< 2_000 {
                let start = (index % rows.rows) * features
                let row = FeatureMatrix(values: Array(rows.values[start ..< start + features]), rows: 1, columns: features)
                samples.append(try Self.seconds { _ = try Self.predict(runner, row) })
            }
            Self.line("single-row latency: \(name)", samples.sorted()[samples.count / 2], reference.onnxruntimeLatencySeconds[name])
        }
        let explained = FeatureMatrix(values: Array(rows.values[0 ..< 1_000 * features]), rows: 1_000, columns: features)
        for name in ["random_forest", "gradient_boosting"] {
            let explainer = try TreeShapExplainer(model: ONNXModel(bytes: Data(contentsOf: folder.appendingPathComponent("\(name).onnx"))))
            let time = try Self.seconds { _ = try explainer.explain(explained, background: background, perturbation: .treePathDependent) }
            Self.line("TreeSHAP 1000 rows: \(name)", time, reference.shapTreeSeconds[name])
        }
        let logistic = try ONNXModel(bytes: Data(contentsOf: folder.appendingPathComponent("logistic_regression.onnx")))
        let ten = FeatureMatrix(values: Array(rows.values[0 ..< 10 * features]), rows: 10, columns: features)
        let kernelBackground = FeatureMatrix(values: Array(background.values[0 ..< 20 * features]), rows: 20, columns: features)
        let kernel = try KernelShapExplainer(model: logistic)
        Self.line("KernelSHAP 10 rows, 500 samples", try Self.best(3) { _ = try kernel.explain(ten, background: kernelBackground, budget: 500, seed: 0) }, reference.shapKernelSeconds)
        let lime = try LimeExplainer(model: logistic)
        let limeTraining = FeatureMatrix(values: Array(background.values[0 ..< 1_000 * features]), rows: 1_000, columns: features)
        let width = 0.75 * Double(features).squareRoot()
        Self.line("LIME 10 rows, 5000 samples", try Self.best(3) { _ = try lime.explain(ten, background: limeTraining, samples: 5_000, kernelWidth: width, seed: 0) }, reference.limeSeconds)
    }

    private func runReference(folder: URL) throws -> Reference {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [referenceScript, "--rows", String(rows), "--out", folder.path]
        let output = Pipe()
        process.standardOutput = output
        do {
            try process.run()
        } catch {
            throw BenchError.setup("could not start \(python) (\(error)); pass --python with a Python that has scikit-learn, skl2onnx, onnxruntime, shap and lime")
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw BenchError.setup("\(python) \(referenceScript) exited with status \(process.terminationStatus); its error is above") }
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        do {
            return try decoder.decode(Reference.self, from: data)
        } catch {
            throw BenchError.setup("\(referenceScript) printed \(String(decoding: data, as: UTF8.self)), not its JSON result")
        }
    }

    private static func predict(_ runner: ModelRunner, _ rows: FeatureMatrix) throws -> [String: ONNXValue] {
        guard let tensor = Tensor(shape: [rows.rows, rows.columns], elements: .float(rows.values)) else { throw BenchError.setup("rows do not fill a matrix") }
        return try runner.run(["X": .tensor(tensor)])
    }

    private static func matrix(_ url: URL, columns: Int) throws -> FeatureMatrix {
        let data = try Data(contentsOf: url)
        let values = data.withUnsafeBytes { Array($0.bindMemory(to: Float.self)) }
        guard values.count % columns == 0 else { throw BenchError.setup("\(url.lastPathComponent) holds \(values.count) floats, not rows of \(columns)") }
        return FeatureMatrix(values: values, rows: values.count / columns, columns: columns)
    }

    private static func seconds(_ work: () throws -> Void) throws -> Double {
        let start = ContinuousClock.now
        try work()
        let elapsed = ContinuousClock.now - start
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }

    private static func best(_ repeats: Int, _ work: () throws -> Void) throws -> Double {
        var best = Double.infinity
        for _ in 0 ..< repeats { best = min(best, try seconds(work)) }
        return best
    }

    private static func line(_ work: String, _ plexus: Double, _ reference: Double?) {
        func format(_ seconds: Double) -> String {
            seconds < 1e-3 ? String(format: "%.1f µs", seconds * 1e6) : seconds < 1 ? String(format: "%.1f ms", seconds * 1e3) : String(format: "%.2f s", seconds)
        }
        let ratio = reference.map { String(format: "%.2f×", $0 / plexus) } ?? "–"
        print(work.padding(toLength: 38, withPad: " ", startingAt: 0) + " " + format(plexus).padding(toLength: 13, withPad: " ", startingAt: 0)
            + " " + (reference.map(format) ?? "–").padding(toLength: 13, withPad: " ", startingAt: 0) + " " + ratio)
    }
}
