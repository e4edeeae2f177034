import Foundation
import Hummingbird
import PlexusCore

/// Reads the body of `POST /api/v1/models/upload`: a multipart form with a `file` part (as
/// `curl -F file=@model.onnx` and browsers send it) or a raw `application/octet-stream` body,
/// with `name`, `description` and `features` (comma-separated) as form fields or query
/// parameters. A model is parsed whole, so the file is collected in memory up to `limit`.
struct ModelUploadBody: Sendable {
    /// The largest model file accepted by default: 512 MiB.
    static let largestModel = 512 * 1024 * 1024
    /// The largest model file accepted, in bytes.
    let limit: Int

    /// What the upload carries.
    struct Upload {
        var file: Data
        var fileName: String?
        var name: String?
        var description: String?
        var features: [String]?
    }

    func read(_ request: Request) async throws -> Upload {
        let query = QueryParameters(request: request)
        var fields: [String: String] = [:]
        for key in ["name", "description", "features"] { if let value = query.string(key) { fields[key] = value } }
        let contentType = request.headers[.contentType] ?? ""
        let essence = contentType.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
        var file: [UInt8] = []
        var fileName: String?
        func keep(_ bytes: some Collection<UInt8>) throws {
            guard file.count + bytes.count <= limit else { throw APIError.tooLarge(limit: limit) }
            file += bytes
        }
        switch essence {
        case "multipart/form-data":
            guard let boundary = DatasetUploadBody.parameter("boundary", of: contentType) else {
                throw APIError(status: .badRequest, code: "malformed_multipart", message: "A multipart/form-data body needs a boundary in its Content-Type, as curl -F and browsers send.", field: "Content-Type")
            }
            let form = MultipartForm(boundary: boundary)
            for try await buffer in request.body {
                try form.execute(buffer)
                try keep(form.takeFileBytes())
                for (field, value) in form.takeFields() { fields[field] = value }
            }
            guard form.isComplete else {
                throw APIError(status: .badRequest, code: "malformed_multipart", message: "The multipart body ended before its closing boundary; send the whole form.", field: "file")
            }
            guard form.fileName != nil else {
                throw APIError(status: .badRequest, code: "missing_file", message: "The form has no 'file' part; send the model as -F file=@model.onnx.", field: "file")
            }
            fileName = form.fileName
        case "application/octet-stream", "application/onnx", "application/x-onnx":
            for try await buffer in request.body { try keep(buffer.readableBytesView) }
        default:
            throw APIError(
                status: .unsupportedMediaType, code: "unsupported_media_type",
                message: "Send the model as multipart/form-data with a 'file' field (curl -F file=@model.onnx -F name=churn), or as an application/octet-stream body; got '\(contentType.isEmpty ? "no Content-Type" : contentType)'.",
                field: "Content-Type")
        }
        guard !file.isEmpty else { throw APIError.badParameter("file", "The model file is empty; send the .onnx file's bytes.") }
        let features = fields["features"].map { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } }
        if let features, features.isEmpty || features.contains(where: \.isEmpty) || Set(features).count != features.count {
            throw APIError.badParameter("features", "features must be distinct, non-empty names separated by commas, such as features=age,income,tenure.")
        }
        return Upload(file: Data(file), fileName: fileName, name: fields["name"], description: fields["description"], features: features)
    }
}
