import Foundation
import HummingbirdWebSocket
import PlexusCore

/// Serves one live-update WebSocket: reads subscribe / unsubscribe messages and writes the
/// events the broadcaster sends it, until either side closes.
struct LiveSocket: Sendable {
    let broadcaster: Broadcaster
    /// The largest message accepted from a client.
    static let maximumMessageSize = 16 * 1024

    func serve(inbound: WebSocketInboundStream, outbound: WebSocketOutboundWriter, accountID: Identifier<Account>) async throws {
        let (id, outbox) = await broadcaster.connect(accountID: accountID)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                for await text in outbox { try await outbound.write(.text(text)) }
                // The outbox ends when the broadcaster drops the socket: too slow to keep up, or shutting down.
                try? await outbound.close(.goingAway, reason: "Updates stopped (server shutting down or socket too slow); reconnect.")
            }
            try await read(inbound, socket: id)
            group.cancelAll()
        }
        await broadcaster.disconnect(id)
    }

    private func read(_ inbound: WebSocketInboundStream, socket id: UUID) async throws {
        for try await message in inbound.messages(maxSize: Self.maximumMessageSize) {
            guard case .text(let text) = message else {
                await broadcaster.send(.error("Send JSON text messages, not binary."), to: id)
                continue
            }
            do {
                let parsed = try JSONDecoder().decode(LiveMessage.self, from: Data(text.utf8))
                await broadcaster.handle(parsed, from: id)
            } catch {
                await broadcaster.send(.error(#"Not a valid message; send {"type":"subscribe","topic":"evaluation","id":"…"}."#), to: id)
            }
        }
    }
}
