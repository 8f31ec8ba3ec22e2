"""The course as SCORM 1.2 and SCORM 2004 4th edition packages (issue 14; `make scorm`).

No MkDocs import here: the packager takes a folder the normal build wrote.
    manifest.py  imsmanifest.xml for each version
    validate.py  checks a manifest against the official schemas shipped in schemas/
    course_data.py  what the runtime adapter needs to know about the quizzes, read from the pages
    package.py   picks a language's files, adds the adapter and the launch page, zips atomically
"""
