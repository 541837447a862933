// Reads .ics files with ical.js (Thunderbird's parser) and prints what it understood as JSON.
// Usage: node check.mjs FILE... ; one JSON object per file on stdout, exit 1 on a parse error.
import { readFileSync } from "node:fs";
import ICAL from "ical.js";

const out = [];
for (const path of process.argv.slice(2)) {
  const text = readFileSync(path, "utf8");
  const vcal = new ICAL.Component(ICAL.parse(text));
  // Register our own VTIMEZONEs, otherwise ical.js silently falls back (kewisch/ical.js#582).
  for (const vtz of vcal.getAllSubcomponents("vtimezone")) {
    ICAL.TimezoneService.register(vtz);
  }
  const vevents = vcal.getAllSubcomponents("vevent");
  const events = vevents.map((ve) => {
    const ev = new ICAL.Event(ve);
    return {
      uid: ev.uid,
      sequence: ev.sequence,
      summary: ev.summary,
      location: ev.location,
      description: ev.description,
      status: ve.getFirstPropertyValue("status"),
      dtstamp: ve.getFirstPropertyValue("dtstamp")?.toString() ?? null,
      tzid: ev.startDate.zone ? ev.startDate.zone.tzid : null,
      isDate: ev.startDate.isDate,
      start: ev.startDate.isDate ? ev.startDate.toString() : ev.startDate.toJSDate().toISOString(),
      end: ev.endDate.isDate ? ev.endDate.toString() : ev.endDate.toJSDate().toISOString(),
      organizer: ve.getFirstPropertyValue("organizer"),
      organizerCN: ve.getFirstProperty("organizer")?.getParameter("cn") ?? null,
      attendees: ve.getAllProperties("attendee").map((p) => ({
        email: p.getFirstValue(),
        cn: p.getParameter("cn") ?? null,
        role: p.getParameter("role") ?? null,
        partstat: p.getParameter("partstat") ?? null,
        rsvp: p.getParameter("rsvp") ?? null,
      })),
      alarms: ve.getAllSubcomponents("valarm").length,
    };
  });
  out.push({
    file: path,
    method: vcal.getFirstPropertyValue("method"),
    version: vcal.getFirstPropertyValue("version"),
    prodid: vcal.getFirstPropertyValue("prodid"),
    timezones: vcal.getAllSubcomponents("vtimezone").map((z) => z.getFirstPropertyValue("tzid")),
    events,
  });
}
process.stdout.write(JSON.stringify(out, null, 1) + "\n");
