"""Question banks for an LMS: the compiled quizzes as Moodle XML, GIFT and QTI 2.1 (issue 14).

    python -m helpercourse.question_banks            (make question-banks)

mapping.py turns each compiled quiz document into format-neutral bank questions once;
moodle_xml.py, gift.py and qti21.py each write one format from them; export.py compiles the
quizzes, writes every file into a new folder and swaps it in, so a failed export keeps the last
good banks. Nothing here imports MkDocs.
"""
