"""The demo site's calendar: which studies arrive on which day, and the
events injected into an otherwise steady year."""

import calendar
import datetime as dt
import math
from dataclasses import dataclass, field

UTC = dt.timezone.utc

# Fictional equipment: (manufacturer, model, software versions, modality).
STEADY_EQUIPMENT = [
    ("Keller Medical", "Radius DR 500", "KM-DR 5.2.1", "DX"),
    ("Keller Medical", "Radius CR 20", "KM-CR 3.8.0", "CR"),
    ("Orion Radiography", "Vela X2", "OR 11.4.2", "DX"),
]
NEW_VENDOR = ("Sakura Imaging", "Hikari DX-9", "SI 1.0.7", "DX")
CT_EQUIPMENT = ("Keller Medical", "Helix 64", "HX 7.1", "CT")
MR_EQUIPMENT = ("Orion Radiography", "Magna 1.5T", "MG 2.9", "MR")

# (station, institution, equipment index into STEADY_EQUIPMENT or a name).
STATIONS = {
    "DX-MAIN-1": ("North Clinic Central Hospital", 0),
    "DX-ER-2": ("North Clinic Central Hospital", 2),
    "CR-WARD-3": ("North Clinic Central Hospital", 1),
    "DX-OUTPT-1": ("North Clinic Outpatient Centre", 2),
    "CT-1": ("North Clinic Central Hospital", "ct"),
    "MR-1": ("North Clinic Central Hospital", "mr"),
}
NEW_VENDOR_STATION = ("DX-OUTPT-2", "North Clinic Outpatient Centre")
SWAPPED_STATION = "DX-ER-2"

MODEL = "chest-xr"


@dataclass
class Event:
    """One injected event, as written to events.json."""

    kind: str
    start: dt.date
    end: dt.date
    details: dict = field(default_factory=dict)

    def covers(self, day: dt.date) -> bool:
        return self.start <= day <= self.end

    def as_json(self) -> dict:
        return {
            "kind": self.kind,
            "start": self.start.isoformat(),
            "end": self.end.isoformat(),
            "details": self.details,
        }


def month_start(day: dt.date, offset: int) -> dt.date:
    """Return the first day of the month `offset` months after `day`'s."""
    index = day.year * 12 + day.month - 1 + offset
    return dt.date(index // 12, index % 12 + 1, 1)


def month_end(day: dt.date) -> dt.date:
    return day.replace(day=calendar.monthrange(day.year, day.month)[1])


def default_end_month(today: dt.date) -> dt.date:
    """Return the first day of the last full month before `today`."""
    return month_start(today, -1)


class Timeline:
    """Twelve months ending with `end_month`, and the events within them."""

    def __init__(self, end_month: dt.date, months: int = 12):
        self.first = month_start(end_month, -(months - 1))
        self.last = month_end(end_month)
        self.months = [month_start(self.first, i) for i in range(months)]
        self.events = self._plan_events()

    def days(self):
        day = self.first
        while day <= self.last:
            yield day
            day += dt.timedelta(days=1)

    def event(self, kind: str) -> Event:
        return next(e for e in self.events if e.kind == kind)

    def active(self, kind: str, day: dt.date) -> bool:
        return self.event(kind).covers(day)

    def ramp(self, kind: str, day: dt.date) -> float:
        """Return 0 before the event and 0..1 across its span."""
        event = self.event(kind)
        if day < event.start:
            return 0.0
        span = max(1, (event.end - event.start).days)
        return min(1.0, (day - event.start).days / span)

    def model_version(self, day: dt.date) -> str:
        return "2.2.0" if day >= self.event("newError").start else "2.1.4"

    def _plan_events(self) -> list:
        # The new vendor arrives in October when October is one of the last
        # three months. An earlier rise would be old news by the last month,
        # so otherwise it arrives two months before the end.
        october = next((m for m in self.months[-3:] if m.month == 10), self.months[-2])
        # A vendor report compares the newest month with the months before
        # it, so every event but the two slow shifts starts in the last month.
        last_month = self.months[-1]
        release = last_month.replace(day=2)
        swap = last_month.replace(day=6)
        slowdown = last_month.replace(day=12)
        outage = last_month.replace(day=17)
        while outage.weekday() != 1:  # a Tuesday and Wednesday
            outage += dt.timedelta(days=1)
        pediatric = self.months[-2]

        return [
            Event("newVendor", october, self.last, {
                "manufacturer": NEW_VENDOR[0], "model": NEW_VENDOR[1],
                "software": NEW_VENDOR[2], "station": NEW_VENDOR_STATION[0],
                "institution": NEW_VENDOR_STATION[1],
                "share": "rising from about 5% to 35% of DX studies",
                "also": "the new station's institution gains the same share",
            }),
            Event("pediatric", pediatric, self.last, {
                "age_bands": ["2-4", "5-11", "12-17"],
                "share": "rising from 0 to about 20% of DX and CR studies",
            }),
            Event("newError", release, self.last, {
                "model": MODEL, "version": "2.2.0",
                "exception": "IndexError", "log": "ai-inference.log",
                "rate": "about 6% of studies fail with a new traceback",
            }),
            Event("latencyRegression", slowdown, self.last, {
                "model": MODEL, "factor": 1.8,
                "p95_ms": "about 1400 before, about 2500 after",
            }),
            Event("outage", outage, outage + dt.timedelta(days=1), {
                "model": MODEL, "results": 0,
                "log": "CUDA errors every 10 minutes; images keep arriving",
            }),
            Event("bodyPartSwap", swap, self.last, {
                "station": SWAPPED_STATION, "written": {"FOOT": 0.8, "": 0.2},
                "true_body_part": "CHEST",
            }),
            Event("positiveRateDoubles", release, self.last, {
                "model": MODEL, "version": "2.2.0", "finding": "opacity",
                "rate": "25% before, 50% after",
            }),
        ]


def arrival_times(rng, day: dt.date, count: int):
    """Return `count` sorted arrival times on `day`, mostly in work hours."""
    times = []
    for _ in range(count):
        hour = min(23.99, max(0.0, rng.gauss(12.5, 3.5)))
        moment = dt.datetime.combine(day, dt.time(), UTC) + dt.timedelta(hours=hour)
        times.append(moment.replace(microsecond=0))
    return sorted(times)


def poisson(rng, mean: float) -> int:
    """Draw from a Poisson distribution (Knuth's method; fine for small means)."""
    limit = math.exp(-mean)
    count, product = 0, rng.random()
    while product > limit:
        count += 1
        product *= rng.random()
    return count
