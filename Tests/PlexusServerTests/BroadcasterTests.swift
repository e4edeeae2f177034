import PlexusCore
@testable import PlexusServer
import Testing

@Suite("Broadcaster")
struct BroadcasterTests {
    @Test("A socket that stops reading is dropped once its outbox is full; others keep receiving")
    func slowSocketDropped() async throws {
        let broadcaster = Broadcaster()
        let account = Identifier<Account>("acct")
        let topic = LiveMessage(type: "subscribe", topic: "performance", id: nil)
        let (slow, slowStream) = await broadcaster.connect(accountID: account)
        let (fast, fastStream) = await broadcaster.connect(accountID: account)
        await broadcaster.handle(topic, from: slow)
        await broadcaster.handle(topic, from: fast)
        var fastMessages = fastStream.makeAsyncIterator()
        _ = await fastMessages.next()  // the "subscribed" reply
        var received = 0
        for count in 0..<(Broadcaster.outboxLimit * 2) {
            await broadcaster.publish(.performanceUpdated(count: count), accountID: account, topic: LiveTopic(kind: .performance, id: nil))
            if await fastMessages.next() != nil { received += 1 }
        }
        #expect(await broadcaster.connectionCount == 1)
        #expect(received == Broadcaster.outboxLimit * 2)
        await broadcaster.disconnect(fast)
        withExtendedLifetime(slowStream) {}  // never read, but alive: its outbox filled up
    }
}
