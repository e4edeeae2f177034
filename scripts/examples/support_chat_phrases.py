"""What is typed in Brightcart support chats: the phrase banks `support_chat.py` draws from.

Templates use `{A}` (agent's first name), `{C}` (customer's first name), `{order}`, `{amount}`, `{item}`, `{days}`
and `{code}`. Issue banks overlap across categories on purpose (a failed payment page is Technical, a double
charge is Billing; a refund for a return is Returns), as real tickets do.
"""

AGENTS = ["Nina Patel", "Owen Hughes", "Lucia Rossi", "Sam Adeyemi", "Kate Morgan", "Arjun Mehta", "Ella Fischer", "Noah Kim"]
CUSTOMERS = ["Jess", "Mark", "Amara", "Leo", "Zoe", "Hassan", "Beth", "Tariq", "Ruth", "Chris", "Ines", "Paul"]
ITEMS = ["blue running shoes", "coffee grinder", "desk lamp", "winter coat", "kids' tablet case", "bluetooth speaker",
         "set of pans", "yoga mat", "phone charger", "linen duvet cover"]

# Each category: scenarios, each with customer openings, (agent question, customer answer) details and agent outcomes.
# Some scenarios sit near another category's border on purpose (payment page errors, refunds for returns).
def scenario(refund: float, opens: list, details: list, outcomes: list, border: str = "") -> dict:
    """One kind of problem within a category, how likely the customer is to ask for a refund, and the
    neighbouring category (`border`) annotators sometimes pick for it instead."""
    return {"refund": refund, "opens": opens, "details": details, "outcomes": outcomes, "border": border}


ISSUES = {
    "Billing": [
        scenario(0.7, ["I've been charged twice for order {order}", "there are two payments for the same order on my statement"],
                 [("Can you see both charges on your bank statement, or is one still pending?", "both have gone through, {amount} each"),
                  ("Which payment method did you use?", "my visa debit")],
                 ["I can see the duplicate payment; the second one is an authorisation that will drop off within {days} days.",
                  "I've cancelled the second payment, it should disappear from your statement soon."]),
        scenario(0.4, ["the promo code didn't apply and I paid full price for the {item}", "I was supposed to get 20% off but I was charged full price"],
                 [("What was the code you tried?", "{code}, it was in the newsletter"),
                  ("Did you see the discount in the basket before paying?", "I think so, but the final charge was the full {amount}")],
                 ["I've applied the discount to the order retrospectively and adjusted the charge.",
                  "That code expired the day before, but I've honoured it this time and adjusted the price."], border="Technical"),
        scenario(0.05, ["I need a VAT invoice for my last order", "can I get a proper invoice with the VAT on it? it's for work"],
                 [("Which order is it for?", "the {item}, order {order}"), ("Do you need a company name on it?", "yes, Harper Design Ltd")],
                 ["I've emailed the VAT invoice to the address on your account.", "The invoice is now under Orders in your account, and I've emailed a copy."]),
        scenario(0.7, ["why did my Brightcart Plus membership renew? I cancelled it", "I've been charged {amount} for a membership I don't use"],
                 [("When did you cancel the membership?", "last month, I have the email"),
                  ("Have you used any Plus benefits since the renewal?", "no, nothing")],
                 ["I've cancelled the membership so it won't renew again.", "The cancellation didn't go through last time; I've cancelled it properly now."]),
        scenario(0.5, ["my card was charged {amount} but the order says payment failed", "the money left my account but the order says unpaid"],
                 [("Is the order showing as paid in your account?", "it says payment pending but the money's gone"),
                  ("Did you get an order confirmation email?", "no, just a payment failed one")],
                 ["The payment did go through, the order status just hadn't updated. It's showing as paid now.",
                  "The bank has the money on hold; it will be released in {days} days as the order didn't complete."], border="Technical"),
    ],
    "Shipping": [
        scenario(0.25, ["my order {order} still hasn't arrived", "where is my order? it was due on {weekday}"],
                 [("When did you place the order?", "{days} days ago"), ("Which courier does the tracking show?", "it just says in transit")],
                 ["It looks like the parcel is held at the depot, it'll be out for delivery tomorrow.",
                  "I've opened an investigation with the courier; they usually reply within {days} working days."]),
        scenario(0.45, ["it says delivered but I never got the parcel", "tracking says delivered on {weekday} but there's nothing here"],
                 [("Have you checked with your neighbours or any safe place?", "yes, nobody has it"),
                  ("Is there a photo on the delivery confirmation?", "it's a photo of a door that isn't mine")],
                 ["I've reported the delivery to the courier and marked the order so we can follow up.",
                  "I've arranged for a replacement to be sent out by express, free of charge."]),
        scenario(0.05, ["I put the wrong address on my order, can you change it", "can I change the delivery address on {order}?"],
                 [("What should the delivery address be?", "14 Ashdown Road, flat 2"), ("Has the order been dispatched yet?", "the email said it was shipped this morning")],
                 ["I've updated the address and the parcel will be redirected.", "It's already with the courier, so I've asked them to redirect it."]),
        scenario(0.6, ["I paid for express delivery and it's taken a week", "I paid extra for next day delivery and it came {days} days late"],
                 [("When did the order arrive?", "yesterday, a week after I ordered"), ("How much was the delivery charge?", "{amount}")],
                 ["Express orders should arrive next day, so I've passed this on to the courier team.",
                  "I can see the courier missed the express slot; I've logged a complaint with them."], border="Billing"),
        scenario(0.3, ["the courier left my {item} out in the rain", "the parcel was thrown over the fence and the box is soaked"],
                 [("Is the item itself damaged?", "the box is ruined, I haven't opened it yet"),
                  ("Could you send a photo of the parcel?", "sure, sending it now")],
                 ["I've reported the courier for this and added a note to your order.",
                  "I'm sending a replacement by express; you can keep or recycle the wet one."], border="Returns"),
    ],
    "Returns": [
        scenario(0.5, ["I want to return the {item}, it's the wrong size", "the {item} doesn't fit, can I send it back?"],
                 [("Is the item unused and in its original packaging?", "yes, I only opened the box"),
                  ("Would you prefer an exchange or store credit?", "I'm not sure yet")],
                 ["I've set up an exchange for the next size up, it ships once we receive the original.",
                  "You're still within the 30-day window, so I've started the return."]),
        scenario(0.6, ["the {item} arrived damaged and I'd like to send it back", "the {item} is broken, I want to return it"],
                 [("Could you send a photo of the damage?", "sure, sending it now"), ("When did the item arrive?", "last {weekday}")],
                 ["I've emailed you a prepaid return label; drop it at any post office.",
                  "I've started the return and emailed a prepaid label, sorry it arrived like that."]),
        scenario(0.8, ["I sent a return two weeks ago and haven't heard anything", "you should have my return by now, where's my money?"],
                 [("Do you have the return tracking number?", "yes, RT{order_digits}"),
                  ("Which item was the return for?", "the {item}")],
                 ["Your return arrived at the warehouse yesterday and is being checked.",
                  "The return was received and the refund was issued on {weekday}; it can take {days} days to show."], border="Billing"),
        scenario(0.2, ["how do I print a return label?", "I don't have a printer, how do I return the {item}?"],
                 [("Which item are you returning?", "the {item}"), ("Do you have a post office nearby?", "yes, in town")],
                 ["I've emailed you a QR code, the post office can print the label for you.",
                  "You can create the label under Orders, Return an item; I've also emailed it to you."]),
        scenario(0.3, ["the {item} is missing parts, can I swap it", "is it too late to return something I bought {days} weeks ago?"],
                 [("What's missing from the box?", "the power cable and the manual"), ("When did the item arrive?", "last {weekday}")],
                 ["I've sent the missing parts out separately, so you can keep the item.",
                  "You're still within the 30-day window, so I've started the return."], border="Shipping"),
    ],
    "Technical": [
        scenario(0.02, ["I can't log in to my account", "it keeps saying my password is wrong"],
                 [("Are you using the app or the website?", "the app, on android"),
                  ("Is the email address on the account {c_lower}@example.com?", "yes that's right")],
                 ["I've reset your login, you should get a new email in a few minutes.", "Your account was locked after too many attempts; I've unlocked it."]),
        scenario(0.1, ["the app crashes every time I go to checkout", "the app freezes when I try to pay"],
                 [("Have you tried clearing the cache or reinstalling?", "yes, twice"), ("Which version of the app do you have?", "whatever the play store gave me last week")],
                 ["There was a bug in the last app version; updating to the latest version fixes it.",
                  "I've passed this to our tech team with your details; they'll email you when it's fixed."]),
        scenario(0.02, ["the password reset email never arrives", "I've asked for a reset link three times and got nothing"],
                 [("Is the email address on the account {c_lower}@example.com?", "yes that's right"),
                  ("Have you checked your spam folder?", "yes, nothing there")],
                 ["The reset emails were going to your spam folder, I've re-sent one now.", "I've reset your login, you should get a new email in a few minutes."]),
        scenario(0.2, ["the payment page shows an error when I try to pay", "I can't pay, the card page just says error"],
                 [("What does the error message say?", "'something went wrong, code 502'"), ("Which browser are you on?", "chrome on my laptop")],
                 ["Our payments page had an outage this morning, it's working again now.",
                  "I've passed this to our tech team with the error code; they'll email you when it's fixed."], border="Billing"),
        scenario(0.02, ["the tracking page just shows a blank screen", "the discount code box gives an error message"],
                 [("Which browser are you on?", "safari on my iphone"), ("Does it happen on the website and the app?", "only the website")],
                 ["That page has a known bug on Safari; it works in the app or another browser while we fix it.",
                  "I've passed this to our tech team with your details; they'll email you when it's fixed."]),
    ],
}

REFUND_ASKS = ["Can I get a refund?", "I'd like a refund please.", "I want my money back.", "Please refund the {amount}.",
               "Can you refund the delivery charge at least?", "I'd like to be reimbursed for this.",
               "Can you just put the money back on my card?", "I'd like the charge reversed.",
               "Honestly I'd rather just have a refund than wait.", "can u refund me"]
REFUND_DECOYS = ["I don't want a refund, I just want the {item}.", "What's your refund policy on sale items, out of interest?",
                 "I already got the refund for my other order, this is a different thing.", "No need for a refund, just fix it please."]
AGENT_REFUND = {True: ["I've processed a refund of {amount}, it'll be back on your card in {days} working days.",
                       "I've issued a full refund; you'll see it within {days} days.",
                       "I'm not able to refund that yet, but I've flagged it for the payments team to review."],
                False: ["Once we receive the item back, the refund will be processed automatically.", ""]}

POLITE = {
    "greet": ["Hi {C}, thanks for contacting Brightcart! I'm {A}. I'm sorry to hear that, could you share {ask}, please?",
              "Hello {C}, I'm {A} and I'm happy to help. Could I have {ask}, please?",
              "Hi there, thanks for getting in touch. Sorry about the trouble! Can you send me {ask} so I can take a look?",
              "Hi {C}! Thanks for your message. Can you send me {ask}?"],
    "check": ["Thank you! Let me take a look for you.", "Thanks, one moment while I check.", "Great, thanks, I've found it.",
              "Okay, I've got it up."],
    "close": ["Is there anything else I can help you with today?", "Anything else I can do for you? Have a lovely day!",
              "Thanks for your patience, and have a great day.", "Glad I could help. Take care!"],
    "sorry": ["I'm really sorry for the inconvenience.", "Apologies for the hassle.", "I completely understand, sorry about that.", ""],
}
RUDE = {
    "greet": ["{Ask}?", "What's {ask}.", "Hi. {Ask}.", "Need {ask} first."],
    "check": ["Checking.", "ok", "Found it.", "Hold on."],
    "close": ["Anything else?", "That's all I can do.", "Closing this chat now.", "Ok thanks bye."],
    "sorry": ["As I said, it's in the policy.", "You should've read the FAQ.", "That's not really our problem.",
              "Like I already told you, there's nothing more I can do.", "It says that on the website.", ""],
}
CUSTOMER_END = ["thanks!", "ok thank you", "great, cheers", "ok", "fine", "whatever", "thanks for your help", "perfect, thank you so much"]
CUSTOMER_HELLO = ["hi", "hello", "Hi there,", "hey", "", "Hello,"]
# Openings and outcomes that do not say which category the chat belongs to.
VAGUE_OPENS = ["I have a problem with my order {order}", "something's gone wrong with my purchase", "I need help with an order",
               "there's an issue with the {item} I bought", "can someone help me please, it's about my last order"]
GENERIC_OUTCOMES = ["I've escalated this to the right team and added a note to your order.",
                    "I've sorted that on our side; you'll get an email confirmation shortly.",
                    "I've logged this and someone will get back to you within {days} days."]
# Things said along the way in any chat.
CHAT_ASIDES = [
    [("C", "sorry, just a sec, someone's at the door"), ("C", "back")],
    [("C", "are you a real person or a bot?"), ("A", "A real person, I'm {A}.")],
    [("C", "how long is this going to take?"), ("A", "Just a couple of minutes.")],
    [("A", "Can I confirm the email on your account is {c_lower}@example.com?"), ("C", "yes")],
    [("C", "this is the second time I've had to contact you about this"), ("A", "I can see the previous chat on your account.")],
    [("C", "I've been a customer for years and never had a problem before"), ("A", "Noted.")],
    [("C", "will I get an email about this?"), ("A", "Yes, a summary of this chat is emailed to you when it ends.")],
]
