/// The sentences synthetic transcripts are made of. `#` stands for an invented name, `%` for a number.
enum ScoringCorpusPhrases {
    /// What a call is about, with lines that only this kind of call has and how it ends.
    struct Topic: Sendable {
        let opening: String
        let agentLines: [String]
        let customerLines: [String]
        let resolvedClosing: String
        let unresolvedClosing: String
    }

    static let topics = [
        Topic(
            opening: "my bill went up again this month and I don't understand why.",
            agentLines: ["I can see a charge of % pounds for the # bundle on your last bill.",
                         "The # discount ended on the %th, which is why the total went up.",
                         "Let me compare this bill with the one from % months ago."],
            customerLines: ["Nobody told me the # discount would end.", "I was charged % pounds twice for the same thing.",
                            "Can you explain the line that says # adjustment?"],
            resolvedClosing: "I've applied a credit of % pounds and put the # discount back on, you'll see it on the next bill.",
            unresolvedClosing: "I can't change the price from here, billing will need to review it and call you back."),
        Topic(
            opening: "the internet keeps dropping out at my house on # Road.",
            agentLines: ["I'm running a line test on the # exchange now.", "Could you restart the router and tell me what the lights do?",
                         "There was maintenance in the # area on the %th."],
            customerLines: ["It drops every evening around % o'clock.", "The light on the router keeps flashing orange.",
                            "My neighbour on # Street has the same problem."],
            resolvedClosing: "I've reset the line profile and the connection is stable now, it should stay up from here.",
            unresolvedClosing: "I'll need to book an engineer visit, the earliest slot is in % days, I'm afraid."),
        Topic(
            opening: "I want to cancel my contract, I'm moving to #.",
            agentLines: ["I'm sorry to hear you're leaving, can I ask why?", "Before you go, I could offer you % pounds off a month.",
                         "Your contract has % months left on it."],
            customerLines: ["I've already signed up with # instead.", "The price keeps going up every year.",
                            "Is there an early exit fee for the # plan?"],
            resolvedClosing: "I've processed the cancellation, the service ends on Friday and the exit fee has been waived.",
            unresolvedClosing: "I can't cancel it on this call, you'll need to put the request in writing to the # team."),
        Topic(
            opening: "I can't log in to the # app, it says my password is wrong.",
            agentLines: ["I can send a reset link to the email ending in %.", "Which version of the # app do you have installed?",
                         "The account was locked after % failed attempts."],
            customerLines: ["I never got the reset email.", "I changed phones last week and moved to the # model.",
                            "It worked fine until the update on the %th."],
            resolvedClosing: "I've unlocked the account and the new password works, you're logged in now.",
            unresolvedClosing: "The reset system is down at the moment, please try again tomorrow and call us if it still fails."),
    ]

    static let agentLines = [
        "Could I take the account number and the postcode, please?", "Thanks, I've found the account for # Lane.",
        "Can I just confirm the best contact number is still the mobile ending %?", "I'll add a note about that to the account.",
        "Is that the address on # Avenue or the one in #?", "Let me check the notes from your last call about the # order.",
        "I understand, that's frustrating.", "Bear with me a moment while that loads.",
        "I can see you've been with us for % years.", "Just to check, is the # package still the one you want?",
    ]

    static let customerLines = [
        "It's NW%, and the postcode is # % #.", "Yes, that's right.", "I've called about this % times now.",
        "I've been waiting on hold for % minutes.", "My partner set it up, it might be under the name #.",
        "Okay, thank you.", "Sorry, the line is a bit quiet, could you repeat that?", "I'm calling from my office in # at the moment.",
        "I just want it sorted today.", "We also have the # add-on, if that matters.",
    ]
}
