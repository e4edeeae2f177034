"""What people say on Northwind Communications support calls: the phrase banks `call_qa.py` draws from.

Templates use `{A}` (agent's first name), `{C}` (customer's first name) and the fields `call_qa.fields` fills.
Lists of turns are `(speaker, text)` pairs with speaker "A" (agent) or "C" (customer).
"""

AGENTS = [
    "Dana Whitfield", "Marcus Lee", "Priya Raman", "Tom Okafor", "Sofia Alvarez", "Ben Carter",
    "Aisha Khan", "Liam Byrne", "Mei Chen", "Jonas Berg", "Hannah Novak", "Diego Santos",
]
CUSTOMER_FIRST = [
    "James", "Olivia", "Mohammed", "Emily", "George", "Chloe", "Raj", "Sarah", "Peter", "Grace",
    "Kwame", "Laura", "Daniel", "Fatima", "Steve", "Anna", "Colin", "Maria", "Ian", "Yusuf",
]
TOWNS = ["Leeds", "Bristol", "Norwich", "Cardiff", "York", "Reading", "Derby", "Exeter", "Preston", "Bath"]
PLANS = ["Fibre 150", "Fibre 500", "Essentials broadband", "Unlimited mobile", "TV Plus bundle", "Superfast 80"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October"]

GREETING = [
    "Thank you for calling Northwind, my name is {A}, how can I help you today?",
    "Thanks for calling Northwind, this is {A}. What can I do for you?",
    "Northwind support, this is {A} speaking.",
    "Good morning, thank you for calling Northwind Communications, you're through to {A}.",
    "Good afternoon, thanks for calling Northwind, {A} here, how can I help?",
    "Hi, thanks for calling Northwind, {A} speaking.",
    "You've reached Northwind customer care, this is {A}, how may I help?",
    "Welcome to Northwind, my name's {A}, what can I do for you today?",
    "Thank you for calling North- uh, Northwind, this is {A}.",
    "Thank you for calling Nortwind, this is {A}, how can I help?",
    "Thanks for calling North Wind, {A} here.",
    "Thank you for calling Northwood- sorry, Northwind, my name's {A}.",
    "Thanks for calling Northwind, uh, this is {A}, how can I help?",
]
NO_GREETING = [
    "Hello, {A} speaking.",
    "Hi, this is {A}, how can I help?",
    "Yeah, hi, go ahead.",
    "Good afternoon, how can I help you?",
    "Hi there, you're through to {queue}, what's the problem?",
    "Thanks for calling, this is {A}.",
    "Hello, can I take your name please?",
    "Hi, {A} here. What's up?",
    "Morning. How can I help?",
]
# The customer speaks first when the agent picks up silently; the company name then comes from the customer.
CUSTOMER_FIRST_LINE = [
    "Hello? Is this Northwind?",
    "Hi, hello? Can you hear me?",
    "Hello, is that Northwind billing?",
]
AGENT_AFTER_SILENCE = ["Yes, hi, sorry about that. What can I do for you?", "Yes, go ahead.", "Yep, I can hear you now."]

RECORDING = [
    "This call may be recorded for quality and training purposes.",
    "Just so you know, this call may be recorded for quality and training purposes.",
    "Before we start, this call might be recorded for training and quality purposes.",
    "Just to let you know, calls are recorded for quality.",
    "Please be aware this call may be recorded for quality and training purposes.",
    "This call may be recoded for quality and training purposes.",
    "This call may be monitored or recorded for quality purposes.",
    "Please note this call is being recorded for training and quality.",
    "this call may be recorded for quality and, uh, training purposes.",
    "This call may be recorded for quality an training purposes.",
    "Quick note, our calls are recorded for training and quality.",
]
RECORDING_DECOYS = [
    [("C", "Are you recording this? Because I want this on record."), ("A", "I've made a note of everything on the account.")],
    [("A", "Okay, I've recorded that on your account.")],
    [("C", "I'm writing all of this down, by the way.")],
    [("A", "I'll record a note for the team so they can see the history.")],
]

# Each check is (question, answers that pass it, answers that fail it).
VERIFY = [
    ([("A", "Before I can look into that I need to verify a few details. Can I have the account number, please?")],
     [[("C", "Yeah, it's {acct}."), ("A", "Thank you, and your date of birth?"), ("C", "{dob}."), ("A", "Thanks, that's all verified.")],
      [("C", "Hang on, let me find the bill... okay, it's {acct}."), ("A", "Perfect, I've found you, thanks {C}.")]],
     [[("C", "Um, I don't have it on me, I'm at work."),
       ("A", "Without that I'm afraid I can't access the account, but I can give you some general information.")],
      [("C", "It's NW... no, I've lost the letter, sorry."), ("A", "That's okay, but I won't be able to go into the account details.")]]),
    ([("A", "Sure. First, could you confirm your full name and date of birth for me?")],
     [[("C", "{C} {surname_cap}, {dob}."), ("A", "Lovely, thank you, you're verified.")],
      [("C", "It's {C} {surname_cap}, and the birthday is {dob}."), ("A", "Thank you, that's all matched up.")]],
     [[("C", "The account's in my husband's name actually, he's not here."),
       ("A", "I'm sorry, I can only discuss the account with the account holder.")],
      [("C", "{C} {surname_cap}, {dob}."), ("A", "Hmm, that date doesn't match what I have, I'm afraid, so I can't go into the account.")]]),
    ([("A", "Okay, can you confirm the last four digits of the card you pay with?")],
     [[("C", "Last four are {last4}."), ("A", "Great, that matches, thank you.")]],
     [[("C", "I think it's {last4}? No wait, we changed banks."), ("A", "That doesn't match what I have here, I'm afraid.")]]),
    ([("A", "No problem. What's the postcode and the first line of the address on the account?")],
     [[("C", "It's 14 Mill Lane, {town}, {postcode}."), ("A", "Brilliant, that's you verified.")],
      [("C", "{postcode}, and it's 3 Orchard Close."), ("A", "Thank you, I've got the account up now.")]],
     [[("C", "I moved recently so I'm not sure which address it's under."), ("A", "Hmm, neither of those match, sorry. I'll help where I can.")]]),
    ([("A", "Let me pull up the account. Could I get the account number and your security PIN?")],
     [[("C", "{acct}, and the PIN is {last4}."), ("A", "That's great, thanks, I've got the account up.")]],
     [[("C", "{acct}, but I honestly can't remember the PIN."),
       ("A", "Okay, I won't be able to make changes without it, but let's see what I can do.")]]),
]
# Agents who skip verification find the account some other way (or not at all).
VERIFY_SKIP = [
    [("A", "I can see you're calling from the number on the account, so let me bring that up.")],
    [],
    [("A", "Let me have a look at what's going on.")],
]

HOLD = [
    [("A", "Bear with me a moment while I pull that up."), ("C", "Sure.")],
    [("A", "Can I put you on a short hold while I check?"), ("C", "Yeah, fine."),
     ("A", "Thanks for holding.")],
    [("A", "Just give me a second, the system's a bit slow today."), ("C", "No worries.")],
    [("A", "Let me just check that with my colleague, one moment."), ("C", "Okay.")],
]
ANGRY_START = [
    "and honestly I'm fed up, this is the third time I've called about this.",
    "and I've been on hold for forty minutes, which is ridiculous.",
    "and frankly this is absolutely unacceptable.",
    "and nobody seems to be able to sort it out.",
]
CLOSING_ASK = ["Is there anything else I can help with today?", "Anything else I can do for you?", "Is there anything else?"]
FAREWELL = [
    "Thanks for calling Northwind, have a good day.",
    "Have a good day, bye now.",
    "Take care, bye.",
    "Thanks for your patience, goodbye.",
    "Thanks, bye bye.",
]
FINAL = {
    "Positive": [
        "No, that's brilliant, thank you so much for your help.",
        "That's great, you've been really helpful, thanks {A}.",
        "Perfect, thanks, have a good day.",
        "No that's everything, really appreciate it.",
        "That's sorted then, thank you, cheers.",
        "Lovely, thanks so much.",
    ],
    "Neutral": [
        "No, that's all.",
        "Okay. Thanks.",
        "Fine, I'll wait for the email then.",
        "Alright, bye.",
        "No, that's it for now.",
        "Okay, I'll see what happens.",
    ],
    "Negative": [
        "No. Honestly this has been a waste of my time.",
        "I'm not happy about this at all.",
        "Forget it. I'll be looking at other providers.",
        "This is ridiculous, I've called three times now and nothing changes.",
        "No. I want to make a formal complaint.",
        "Terrible service, frankly.",
    ],
}
AGENT_APOLOGY = ["I'm really sorry about that.", "I understand, and I'm sorry.", "I do apologise for that.", "I can hear that's frustrating."]

# Small talk and housekeeping that any call may contain.
ASIDES = [
    [("A", "Can I just confirm the best contact number is still the mobile ending {last4}?"), ("C", "Yes, that's right.")],
    [("C", "Sorry, can you hear me okay? I'm on the bus."), ("A", "You're a little faint but I can hear you, go ahead.")],
    [("C", "I did try the chat on the website first but it just kept sending me round in circles."),
     ("A", "Sorry about that, the chat can only do the basics at the moment, so you've done the right thing calling.")],
    [("A", "I'm just making some notes on the account as we go, so if you call back anyone can see what we've discussed."),
     ("C", "Okay, good, because last time nobody seemed to know what had been said before.")],
    [("C", "I've got the kids at home so sorry if it's noisy."), ("A", "No problem at all, I can hear you fine.")],
    [("A", "Do you have the email we sent on the {date}?"),
     ("C", "I might have, I get so many emails I don't read them all, to be honest.")],
    [("C", "My neighbour said she had something similar last month."), ("A", "That's possible, it does sometimes affect a few houses on the same street.")],
    [("C", "Is this going to take long? I've got to pick my daughter up at three."), ("A", "Shouldn't be too long, I'll be as quick as I can.")],
    [("A", "While I've got you, I can see your email address is still the old work one. Do you want me to update it?"),
     ("C", "Oh, yes please, it's {c_lower}.{surname}@example.com now.")],
]
# Questions and recaps near the end of any call, resolved or not.
FOLLOW_UPS = [
    [("C", "Will I get something in writing?"), ("A", "Yes, you'll get an email confirming what we've discussed within the hour.")],
    [("A", "So just to recap, I've made a note of everything on the account and you'll get a text with the reference number."),
     ("C", "Okay.")],
    [("C", "And if something goes wrong, do I have to go through all this again?"),
     ("A", "No, just quote the reference and whoever picks up will see the notes from today.")],
    [("C", "Can I get a reference number?"), ("A", "Of course, it's {ref}.")],
    [("A", "I'll also send you a short survey after the call, it'd be great if you could fill it in."), ("C", "Maybe.")],
]
