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

    @Test("Results added between two flushes go out as one summed message per scorecard")
    func resultsSummedPerFlush() async throws {
        let broadcaster = Broadcaster()
        let account = Identifier<Account>("acct")
        let (socket, stream) = await broadcaster.connect(accountID: account)
        await broadcaster.handle(LiveMessage(type: "subscribe", topic: "scorecard", id: "card-1"), from: socket)
        for count in [20, 30, 50] {
            await broadcaster.addResults(accountID: account, scorecardID: Identifier("card-1"), count: count)
        }
        await broadcaster.addResults(accountID: account, scorecardID: Identifier("card-2"), count: 7)
        await broadcaster.flushResults()
        await broadcaster.flushResults()
        await broadcaster.disconnect(socket)
        var messages: [String] = []
        for await message in stream { messages.append(message) }
        #expect(messages.count == 2)
        #expect(messages.last?.contains(#""count":100"#) == true && messages.last?.contains("card-1") == true)
    }
}
