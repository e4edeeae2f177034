import PlexusScoring
import Testing

@Suite("Classifier registry")
struct RegistryTests {
    @Test("An unknown type is not found")
    func unknownType() {
        #expect(ClassifierRegistry.standard.kind("no-such-type") == nil)
    }
}
