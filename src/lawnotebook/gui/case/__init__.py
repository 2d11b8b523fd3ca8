"""One case's workspace and its record tabs (overview, notes, people, chronology, interrogations,
deadlines, custody).
"""
