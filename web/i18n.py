"""The desk's words in Finnish, Swedish and English; a missing word falls back to English, then the key."""

from __future__ import annotations

from collections.abc import Callable

LANGUAGES = {"fi": "suomi", "sv": "svenska", "en": "English"}

# key: (fi, sv, en)
_WORDS: dict[str, tuple[str, str, str]] = {
    "app": ("Sihteerin työpöytä", "Sekreterarens skrivbord", "Secretary's desk"),
    "login": ("Kirjaudu", "Logga in", "Log in"),
    "logout": ("Kirjaudu ulos", "Logga ut", "Log out"),
    "username": ("Käyttäjätunnus", "Användarnamn", "User name"),
    "password": ("Salasana", "Lösenord", "Password"),
    "login_failed": (
        "Väärä käyttäjätunnus tai salasana.",
        "Fel användarnamn eller lösenord.",
        "Wrong user name or password.",
    ),
    "too_many": (
        "Liian monta epäonnistunutta kirjautumista. Odota 15 minuuttia.",
        "För många misslyckade inloggningar. Vänta 15 minuter.",
        "Too many failed logins. Wait 15 minutes.",
    ),
    "overview": ("Yleiskuva", "Översikt", "Overview"),
    "items": ("Tehtävät", "Uppgifter", "Action items"),
    "meetings": ("Kokoukset", "Möten", "Meetings"),
    "upload": ("Lataa pöytäkirja", "Ladda upp protokoll", "Upload minutes"),
    "people": ("Henkilöt", "Personer", "People"),
    "bodies": ("Toimielimet", "Organ", "Bodies"),
    "language": ("Kieli", "Språk", "Language"),
    "body": ("Toimielin", "Organ", "Body"),
    "meeting": ("Kokous", "Möte", "Meeting"),
    "owner": ("Vastuuhenkilö", "Ansvarig", "Owner"),
    "owners": ("Vastuuhenkilöt", "Ansvariga", "Owners"),
    "status": ("Tila", "Status", "Status"),
    "due": ("Määräaika", "Tidsfrist", "Due"),
    "due_from": ("Määräaika alkaen", "Tidsfrist från", "Due from"),
    "due_to": ("Määräaika asti", "Tidsfrist till", "Due until"),
    "overdue": ("Myöhässä", "Försenade", "Overdue"),
    "open": ("Avoin", "Öppen", "Open"),
    "done": ("Tehty", "Klar", "Done"),
    "cancelled": ("Peruttu", "Inställd", "Cancelled"),
    "all": ("Kaikki", "Alla", "All"),
    "any": ("(kaikki)", "(alla)", "(any)"),
    "filter": ("Suodata", "Filtrera", "Filter"),
    "no_items": ("Ei tehtäviä.", "Inga uppgifter.", "No action items."),
    "no_due": ("ei määräaikaa", "ingen tidsfrist", "no due date"),
    "no_owner": ("ei vastuuhenkilöä", "ingen ansvarig", "no owner"),
    "page": ("Sivu", "Sida", "Page"),
    "of": ("/", "/", "of"),
    "previous": ("Edellinen", "Föregående", "Previous"),
    "next": ("Seuraava", "Nästa", "Next"),
    "found": ("löytyi", "hittades", "found"),
    "task": ("Tehtävä", "Uppgift", "Task"),
    "history": ("Historia", "Historik", "History"),
    "in_minutes": ("Pöytäkirjassa", "I protokollet", "In the minutes"),
    "quote_missing": (
        "Lainausta ei löytynyt pöytäkirjan tekstistä.",
        "Citatet hittades inte i protokollets text.",
        "The quote was not found in the minutes' text.",
    ),
    "note": ("Huomautus", "Anteckning", "Note"),
    "mark_done": ("Merkitse tehdyksi", "Markera som klar", "Mark done"),
    "reopen": ("Avaa uudelleen", "Öppna igen", "Reopen"),
    "cancel_item": ("Peru tehtävä", "Ställ in uppgiften", "Cancel item"),
    "reassign": ("Vaihda vastuuhenkilö", "Byt ansvarig", "Reassign"),
    "owners_hint": ("pilkuin eroteltuna", "åtskilda med kommatecken", "separated by commas"),
    "change_due": ("Muuta määräaikaa", "Ändra tidsfrist", "Change due date"),
    "due_hint": (
        "esim. 30.9.2026, 30.9. tai tyhjä",
        "t.ex. 30.9.2026, 30.9. eller tom",
        "e.g. 30.9.2026, 30.9. or empty",
    ),
    "save": ("Tallenna", "Spara", "Save"),
    "when": ("Milloin", "När", "When"),
    "who": ("Kuka", "Vem", "Who"),
    "change": ("Muutos", "Ändring", "Change"),
    "participants": ("Osallistujat", "Deltagare", "Participants"),
    "absent": ("poissa", "frånvarande", "absent"),
    "agenda": ("Esityslista", "Föredragningslista", "Agenda"),
    "decisions": ("Päätökset", "Beslut", "Decisions"),
    "invitations": ("Kutsut", "Kallelser", "Invitations"),
    "no_invitations": ("Kutsuja ei ole lähetetty.", "Inga kallelser har skickats.", "No invitations sent."),
    "held": (
        "Kutsut odottavat hyväksyntää.",
        "Kallelserna väntar på godkännande.",
        "Invitations await approval.",
    ),
    "approve_invites": (
        "Hyväksy ja lähetä kutsut",
        "Godkänn och skicka kallelser",
        "Approve and send invitations",
    ),
    "next_meeting": ("Seuraava kokous", "Nästa möte", "Next meeting"),
    "date": ("Päivä", "Datum", "Date"),
    "start": ("Alkaa", "Börjar", "Starts"),
    "end": ("Päättyy", "Slutar", "Ends"),
    "place": ("Paikka", "Plats", "Place"),
    "file": ("Tiedosto", "Fil", "File"),
    "from_minutes": ("(pöytäkirjan mukaan)", "(enligt protokollet)", "(as the minutes say)"),
    "review": ("Tarkista poiminta", "Granska extraktionen", "Review the extraction"),
    "review_intro": (
        "Tarkista vastuuhenkilöt, määräajat ja seuraava kokous. Kutsut lähtevät vasta hyväksynnän jälkeen.",
        "Kontrollera ansvariga, tidsfrister och nästa möte. Kallelserna skickas först efter godkännande.",
        "Check owners, due dates and the next meeting. Invitations go out only once you approve.",
    ),
    "check": ("tarkista", "kontrollera", "check"),
    "low_confidence": ("epävarma", "osäker", "low confidence"),
    "approve": ("Hyväksy", "Godkänn", "Approve"),
    "discard": ("Hylkää", "Förkasta", "Discard"),
    "approved": ("Hyväksytty", "Godkänd", "Approved"),
    "discarded": ("Hylätty", "Förkastad", "Discarded"),
    "duplicate": (
        "Tämä pöytäkirja on jo tallennettu.",
        "Detta protokoll är redan sparat.",
        "These minutes are already stored.",
    ),
    "updated_minutes": (
        "Pöytäkirja korjasi aiemmin tallennettua.",
        "Protokollet rättade ett tidigare sparat.",
        "These minutes corrected earlier ones.",
    ),
    "name": ("Nimi", "Namn", "Name"),
    "email": ("Sähköposti", "E-post", "E-mail"),
    "organization": ("Organisaatio", "Organisation", "Organisation"),
    "add_person": ("Lisää henkilö", "Lägg till person", "Add person"),
    "organizer": ("Järjestäjä", "Arrangör", "Organiser"),
    "timezone": ("Aikavyöhyke", "Tidszon", "Time zone"),
    "require_approval": (
        "Kutsut vaativat hyväksynnän",
        "Kallelser kräver godkännande",
        "Invitations need approval",
    ),
    "yes": ("kyllä", "ja", "yes"),
    "no": ("ei", "nej", "no"),
    "settings": ("Asetukset", "Inställningar", "Settings"),
    "saved": ("Tallennettu.", "Sparat.", "Saved."),
    "nothing_changed": ("Ei muutoksia.", "Inga ändringar.", "Nothing changed."),
    "link_title": ("Merkitse tehtävä tehdyksi", "Markera uppgiften som klar", "Mark the item done"),
    "link_confirm": (
        "Vahvista, että tehtävä on tehty:",
        "Bekräfta att uppgiften är klar:",
        "Confirm that this item is done:",
    ),
    "link_done": (
        "Kiitos! Tehtävä on merkitty tehdyksi.",
        "Tack! Uppgiften är markerad som klar.",
        "Thank you! The item is marked done.",
    ),
    "link_invalid": (
        "Linkki ei kelpaa: se on vajaa tai ei ole meiltä.",
        "Länken är ogiltig: den är ofullständig eller inte från oss.",
        "This link is not valid: it is incomplete or not one of ours.",
    ),
    "link_expired": (
        "Linkki on vanhentunut. Kirjaudu sisään tai pyydä sihteeriltä uusi.",
        "Länken har gått ut. Logga in eller be sekreteraren om en ny.",
        "This link has expired. Log in, or ask the secretary for a new one.",
    ),
    "link_used": (
        "Linkki on jo käytetty; mitään ei muutettu.",
        "Länken har redan använts; inget ändrades.",
        "This link has already been used; nothing changed.",
    ),
    "link_closed": (
        "Tehtävä ei ole enää avoin; mitään ei muutettu.",
        "Uppgiften är inte längre öppen; inget ändrades.",
        "This item is no longer open; nothing changed.",
    ),
    "for_person": ("Vastuuhenkilö", "Ansvarig", "For"),
    "created": ("luotu", "skapad", "created"),
    "not_found": ("Ei löytynyt.", "Hittades inte.", "Not found."),
    "forbidden": ("Pyyntö hylättiin (CSRF).", "Begäran avvisades (CSRF).", "Request refused (CSRF)."),
    "error": ("Virhe", "Fel", "Error"),
    "count_open": ("avoimia", "öppna", "open"),
    "count_overdue": ("myöhässä", "försenade", "overdue"),
    "no_bodies": ("Ei toimielimiä.", "Inga organ.", "No bodies yet."),
    "confidence": ("Varmuus", "Säkerhet", "Confidence"),
    "sent": ("lähetetty", "skickad", "sent"),
    "pending": ("jonossa", "i kö", "pending"),
    "sending": ("lähtemässä", "skickas", "sending"),
    "failed": ("epäonnistui", "misslyckades", "failed"),
    "recipient": ("Vastaanottaja", "Mottagare", "Recipient"),
    "sources": ("Lähteet", "Källor", "Sources"),
    "meeting_held": ("pidetty", "hållet", "held"),
    "meeting_scheduled": ("tulossa", "planerat", "scheduled"),
    "meeting_cancelled": ("peruttu", "inställt", "cancelled"),
}


def translator(language: str) -> Callable[[str], str]:
    """A function giving the word for a key in the language (English, then the key, when missing)."""
    index = {"fi": 0, "sv": 1, "en": 2}.get(language, 0)

    def t(key: str) -> str:
        words = _WORDS.get(key)
        return words[index] if words else key

    return t


def pick(*candidates: str | None) -> str:
    """The first candidate language the desk speaks, else Finnish."""
    for candidate in candidates:
        if candidate and candidate[:2].lower() in LANGUAGES:
            return candidate[:2].lower()
    return "fi"
