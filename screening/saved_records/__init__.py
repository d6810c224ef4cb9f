"""A record the person chooses to keep: their answers and incident log, encrypted under a
passphrase only they hold, so they can come back to it on any device without an account.

``passphrases`` makes and reads the words, ``crypto`` turns them into a finder and a key and
seals the contents, ``contents`` says what is kept and checks it on the way back, ``models``
holds the one row, ``service`` writes it, ``session`` keeps the key while the person works,
``limits`` bounds opening attempts, and ``views`` are the pages. See
docs/decisions/0007-a-kept-record-without-an-account.md.
"""
