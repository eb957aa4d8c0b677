"""Word data every stage shares: stop words, the calendar, speech verbs, outcomes,
people and framing terms, cue phrases and number words.

Word lists are judgements about English, not logic, and they were copied from
module to module as each stage grew (five stop-word lists, five copies of the
months). Keeping them here, each list named for what it is for, lets a reader see
every piece of language knowledge the tool relies on in one place, and a rule
elsewhere say which list it reads. Nothing here imports another parallax module.
"""
