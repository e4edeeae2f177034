import Foundation
import Hummingbird
import MultipartKit
import NIOCore
import PlexusCore
import PlexusMonitoring
import Synchronization

/// Reads the body of `POST /api/v1/data/upload` as it arrives and stores it as a dataset: a
/// multipart form with a `file` part (as `curl -F file=@x.csv` and browsers send it) or a raw
/// `text/csv` or `application/x-ndjson` body. `name`, `description`, `schema` and `format` come
/// from form fields or the query string. Nothing is buffered beyond the piece in hand, so a file
/// of any size passes through in flat memory; if anything fails, what was stored is removed.
struct DatasetUploadBody: Sendable {
    /// Where datasets go.
    let store: any DatasetStore
    /// The largest file accepted, in bytes.
    let limit: Int
    /// How long the body may stall between pieces before the upload is given up with a 408.
    let idleTimeout: Duration

    /// Form fields other than the file are short; longer ones are refused.
    static let fieldLimit = 64 * 1024

    /// The upload's settings, from the query string and then the form.
    struct Settings {
        var name: String?
        var description: String?
        var schema: String?
        var format: String?

        mutating func set(_ field: String, _ value: String) {
            switch field {
            case "name": name = value
            case "description": description = value
            case "schema": schema = value
            case "format": format = value
            default: break
            }
        }
    }

    /// Stores the request's file for the account and returns the dataset.
    func receive(_ request: Request, accountID: Identifier<Account>) async throws -> Dataset {
        let progress = UploadProgress()
        let idleTimeout = idleTimeout
        return try await withThrowingTaskGroup(of: Dataset?.self) { group in
            group.addTask { try await store(request, accountID: accountID, progress: progress) }
            group.addTask {
                while !progress.bodyDone {
                    try await Task.sleep(for: .milliseconds(250))
                    if progress.idle > idleTimeout {
                        throw APIError(
                            status: .requestTimeout, code: "request_timeout",
                            message: "The upload stalled: no bytes arrived for \(idleTimeout). Send the file in one go; nothing of it was kept.")
                    }
                }
                return nil
            }
            defer { group.cancelAll() }
            while let finished = try await group.next() {
                if let dataset = finished { return dataset }
            }
            throw CancellationError()
        }
    }

    private func store(_ request: Request, accountID: Identifier<Account>, progress: UploadProgress) async throws -> Dataset {
        let query = QueryParameters(request: request)
        var settings = Settings(name: query.string("name"), description: query.string("description"), schema: query.string("schema"), format: query.string("format"))
        let contentType = request.headers[.contentType] ?? ""
        let essence = contentType.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
        var upload: DatasetUpload?
        var received = 0
        func count(_ bytes: Int) throws {
            received += bytes
            progress.advance()
            guard received <= limit else { throw APIError.tooLarge(limit: limit) }
        }
        do {
            if essence == "multipart/form-data" {
                guard let boundary = Self.parameter("boundary", of: contentType) else {
                    throw APIError(status: .badRequest, code: "malformed_multipart", message: "A multipart/form-data body needs a boundary in its Content-Type, as curl -F and browsers send.", field: "Content-Type")
                }
                let form = MultipartForm(boundary: boundary)
                for try await buffer in request.body {
                    try count(buffer.readableBytes)
                    try form.execute(buffer)
                    if upload == nil, let file = form.fileName {
                        let format = try Self.format(named: settings.format) ?? DatasetFormat(fileName: file) ?? form.fileContentType.flatMap(DatasetFormat.init(contentType:)) ?? .csv
                        upload = try await DatasetUpload(store: store, accountID: accountID, name: Self.defaultName(file), format: format)
                    }
                    let bytes = form.takeFileBytes()
                    if !bytes.isEmpty { try await upload?.feed(bytes) }
                    for (field, value) in form.takeFields() { settings.set(field, value) }
                }
                progress.bodyDone = true
                guard form.isComplete else {
                    throw APIError(status: .badRequest, code: "malformed_multipart", message: "The multipart body ended before its closing boundary; send the whole form. Nothing was kept.", field: "file")
                }
            } else if let format = DatasetFormat(contentType: contentType) {
                upload = try await DatasetUpload(store: store, accountID: accountID, name: settings.name ?? "upload", format: try Self.format(named: settings.format) ?? format)
                for try await buffer in request.body {
                    try count(buffer.readableBytes)
                    try await upload?.feed(buffer.readableBytesView)
                }
                progress.bodyDone = true
            } else {
                throw APIError(
                    status: .unsupportedMediaType, code: "unsupported_media_type",
                    message: "Send the file as multipart/form-data with a 'file' field (curl -F file=@data.csv), or as a text/csv or application/x-ndjson body; got '\(contentType.isEmpty ? "no Content-Type" : contentType)'.",
                    field: "Content-Type")
            }
            guard var started = upload else {
                throw APIError(status: .badRequest, code: "missing_file", message: "The form has no 'file' part; send the data as -F file=@data.csv.", field: "file")
            }
            let schema = try Self.schema(settings.schema)
            let name = (settings.name ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            guard name.count <= 200 else { throw APIError.badParameter("name", "name may be at most 200 characters; got \(name.count).") }
            let dataset = try await started.finish(name: name.isEmpty ? started.provisionalName : name, description: settings.description, schema: schema)
            upload = nil
            return dataset
        } catch {
            progress.bodyDone = true
            await upload?.discard()
            throw error
        }
    }

    /// A format named by the `format` field or parameter (`csv` or `jsonl`).
    private static func format(named text: String?) throws -> DatasetFormat? {
        guard let text else { return nil }
        guard let format = DatasetFormat(rawValue: text.lowercased()) else {
            throw APIError.badParameter("format", "format must be csv or jsonl; got '\(text)'.")
        }
        return format
    }

    /// The `schema` override: a JSON object of column names to types.
    private static func schema(_ text: String?) throws -> [String: ColumnType] {
        guard let text, !text.isEmpty else { return [:] }
        let names = ColumnType.allCases.map(\.rawValue).joined(separator: ", ")
        guard let object = try? JSONDecoder().decode([String: String].self, from: Data(text.utf8)) else {
            throw APIError.badParameter("schema", "schema must be a JSON object of column names to types, such as {\"plan\":\"categorical\"}; the types are \(names).")
        }
        var schema: [String: ColumnType] = [:]
        for (column, name) in object {
            guard let type = ColumnType(rawValue: name) else {
                throw APIError(status: .badRequest, code: "invalid_value", message: "schema gives column '\(column)' the type '\(name)'; the types are \(names).", field: "schema.\(column)")
            }
            schema[column] = type
        }
        return schema
    }

    /// A parameter of a header value, such as the boundary of `multipart/form-data; boundary=x`.
    static func parameter(_ name: String, of header: String) -> String? {
        for part in header.split(separator: ";").dropFirst() {
            let pair = part.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard pair.count == 2, pair[0].lowercased() == name else { continue }
            let value = pair[1].hasPrefix("\"") && pair[1].hasSuffix("\"") && pair[1].count >= 2 ? String(pair[1].dropFirst().dropLast()) : pair[1]
            return value.isEmpty ? nil : value
        }
        return nil
    }

    /// A file's name without its folder and extension, as the dataset's name when none is given.
    static func defaultName(_ file: String) -> String {
        let base = file.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? file
        let stem = base.split(separator: ".").dropLast().joined(separator: ".")
        return stem.isEmpty ? (base.isEmpty ? "upload" : base) : stem
    }
}

/// When the upload last received bytes, and whether the body is all in.
final class UploadProgress: Sendable {
    private let state = Mutex((last: ContinuousClock.now, done: false))

    func advance() { state.withLock { $0.last = .now } }

    var idle: Duration { state.withLock { .now - $0.last } }

    var bodyDone: Bool {
        get { state.withLock { $0.done } }
        set { state.withLock { $0.done = newValue } }
    }
}

/// A multipart/form-data body parsed as it arrives: the `file` part's bytes are handed out as
/// they come, the other parts are kept as short text fields.
final class MultipartForm {
    private let parser: MultipartParser
    private var headers: [String: String] = [:]
    private var part: (name: String, fileName: String?)?
    private var fieldText: [UInt8] = []
    private var fileBytes: [UInt8] = []
    private var fields: [(String, String)] = []
    private var failure: APIError?
    /// The uploaded file's name, once its part has begun.
    private(set) var fileName: String?
    /// The file part's Content-Type, if it had one.
    private(set) var fileContentType: String?
    /// Whether the file part has ended.
    private(set) var fileEnded = false
    /// Whether the file part, if one began, has ended (a body cut short leaves it open).
    var isComplete: Bool { fileName == nil || fileEnded }

    init(boundary: String) {
        parser = MultipartParser(boundary: boundary)
        parser.onHeader = { [unowned self] name, value in headers[name.lowercased()] = value }
        parser.onBody = { [unowned self] buffer in body(&buffer) }
        parser.onPartComplete = { [unowned self] in complete() }
    }

    /// Parses the next piece of the body.
    func execute(_ buffer: ByteBuffer) throws {
        do {
            try parser.execute(buffer)
        } catch {
            throw APIError(status: .badRequest, code: "malformed_multipart", message: "The multipart body is malformed (\(error)); send it as curl -F or a browser form does.", field: "file")
        }
        if let failure { throw failure }
    }

    /// The file's bytes parsed since the last call.
    func takeFileBytes() -> [UInt8] {
        defer { fileBytes.removeAll(keepingCapacity: true) }
        return fileBytes
    }

    /// The text fields completed since the last call.
    func takeFields() -> [(String, String)] {
        defer { fields.removeAll() }
        return fields
    }

    private func begin() -> (name: String, fileName: String?) {
        if let part { return part }
        let disposition = headers["content-disposition"] ?? ""
        let name = DatasetUploadBody.parameter("name", of: disposition) ?? ""
        let file = DatasetUploadBody.parameter("filename", of: disposition)
        let begun = (name: name, fileName: name == "file" ? (file ?? "upload.csv") : nil)
        if begun.fileName != nil, fileName != nil, failure == nil {
            failure = APIError.badParameter("file", "The form has more than one 'file' part; upload one file per request.")
        }
        if let fileName = begun.fileName {
            self.fileName = fileName
            fileContentType = headers["content-type"]
        }
        part = begun
        return begun
    }

    private func body(_ buffer: inout ByteBuffer) {
        let current = begin()
        let bytes = buffer.readBytes(length: buffer.readableBytes) ?? []
        if current.fileName != nil {
            fileBytes += bytes
        } else {
            fieldText += bytes
            if fieldText.count > DatasetUploadBody.fieldLimit, failure == nil {
                failure = APIError.badParameter(current.name, "The form field '\(current.name)' is longer than \(DatasetUploadBody.fieldLimit) bytes; only the 'file' part may be large.")
            }
        }
    }

    private func complete() {
        let current = begin()
        if current.fileName != nil {
            fileEnded = true
        } else {
            fields.append((current.name, String(decoding: fieldText, as: UTF8.self)))
        }
        fieldText.removeAll()
        headers = [:]
        part = nil
    }
}
