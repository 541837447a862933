"""Action items: what someone is to do after the meeting, with owners, due date and the words that said so.

Rule families, strongest first: explicit markers (ACTION:, TODO, `- [ ]`, Toimenpide:, Vastuu:),
delegation (valtuutetaan X neuvottelemaan), responsibility (X vastuussa), a named subject with a
task verb (X hoitaa / X will / X to), goals with a deadline (Tavoitteena ... mennessä), deadlines,
English imperative decisions and passive future (Finnish 'valmistellaan', English 'will be fixed').
Agenda proposals in an item's preamble, discussion turns, announcements and reported speech are
background, not tasks; struck-through text is done.

The package splits that by concern: `common` (patterns, word lists, the item record), `owners`
(who a subject names), `detectors` (one function per task form, listed in `detectors.RULES`),
`due` (deadline phrases) and `driver` (sections in, action entries out).
"""

from muistio.extraction.actions.detectors import _passive_word
from muistio.extraction.actions.driver import find_action_items

__all__ = ["_passive_word", "find_action_items"]
