"""Made-up studies for the demo site: who, what, on which machine, and
what the AI system made of them."""

import datetime as dt
from dataclasses import dataclass, field

from . import timeline as tl

# Invented family names, so no value can be mistaken for a real patient.
FAMILY_NAMES = [
    "FICTORA", "NEMOVA", "PLACEHOLM", "SAMPLESON", "MOCKSBY", "DUMMERT",
    "FAUXMAN", "TESTWOOD", "PRETENDSON", "INVENTA", "SYNTHORPE", "MADEUPOVA",
]
GIVEN_NAMES = [
    "ANNA", "ERIK", "MARTA", "JONAS", "LENA", "PAVEL", "SOFIA", "TOMAS",
    "IRINA", "OSKAR", "NADIA", "VIKTOR",
]
OTHER_XRAY_PARTS = ["ABDOMEN", "KNEE", "HAND", "LSPINE", "SHOULDER", "PELVIS"]
UID_ROOT = "2.25."


@dataclass
class Study:
    """One study as it reaches the store, with the AI result for it."""

    arrival: dt.datetime
    study_uid: str
    patient_name: str
    patient_id: str
    birth_date: str
    age_years: int
    sex: str
    modality: str
    manufacturer: str
    model: str
    software: str
    station: str
    institution: str
    body_part: str
    view_positions: list
    patient_position: str
    pixel_spacing: float
    kvp: float
    exposure: float
    orthanc: bool
    series_uids: list = field(default_factory=list)
    instance_uids: list = field(default_factory=list)

    @property
    def is_chest_xray(self) -> bool:
        return self.modality in ("DX", "CR") and self.body_part in ("CHEST", "FOOT", "")


def new_uid(rng) -> str:
    """Return a UID under the 2.25 root (a random 128-bit integer)."""
    return UID_ROOT + str(rng.getrandbits(127) | (1 << 126))


def patient_age(rng, pediatric_share: float) -> int:
    if rng.random() < pediatric_share:
        return rng.randint(2, 17)
    return int(min(90, max(18, rng.gauss(58, 17))))


def choose_equipment(rng, line: tl.Timeline, day: dt.date):
    """Return (station, institution, equipment, body-part kind) for a study."""
    roll = rng.random()
    if roll < 0.12:
        return "CT-1", tl.STATIONS["CT-1"][0], tl.CT_EQUIPMENT
    if roll < 0.20:
        return "MR-1", tl.STATIONS["MR-1"][0], tl.MR_EQUIPMENT
    new_share = 0.05 + 0.30 * line.ramp("newVendor", day) if line.active("newVendor", day) else 0.0
    if rng.random() < new_share:
        station, institution = tl.NEW_VENDOR_STATION
        return station, institution, tl.NEW_VENDOR
    station = rng.choices(["DX-MAIN-1", "DX-ER-2", "CR-WARD-3", "DX-OUTPT-1"], [3, 4, 2, 2])[0]
    institution, index = tl.STATIONS[station]
    return station, institution, tl.STEADY_EQUIPMENT[index]


def body_part(rng, modality: str, station: str, line: tl.Timeline, day: dt.date):
    if modality == "CT":
        return rng.choices(["CHEST", "HEAD", "ABDOMEN"], [5, 3, 2])[0]
    if modality == "MR":
        return rng.choices(["HEAD", "KNEE", "LSPINE"], [5, 3, 2])[0]
    part = "CHEST" if rng.random() < 0.85 else rng.choice(OTHER_XRAY_PARTS)
    if part == "CHEST" and station == tl.SWAPPED_STATION and line.active("bodyPartSwap", day):
        return "FOOT" if rng.random() < 0.8 else ""
    return part


def make_study(rng, line: tl.Timeline, arrival: dt.datetime) -> Study:
    day = arrival.date()
    station, institution, equipment = choose_equipment(rng, line, day)
    manufacturer, model, software, modality = equipment
    part = body_part(rng, modality, station, line, day)
    pediatric = 0.2 * line.ramp("pediatric", day) if line.active("pediatric", day) else 0.0
    age = patient_age(rng, pediatric if modality in ("DX", "CR") else 0.0)
    birth = day - dt.timedelta(days=int(age * 365.25 + rng.randint(0, 364)))
    views = ["PA", "LAT"] if modality in ("DX", "CR") and rng.random() < 0.5 else ["PA"]
    if modality in ("DX", "CR") and rng.random() < 0.2:
        views = ["AP"]
    if modality in ("CT", "MR"):
        views = ["", ""][: rng.randint(1, 2)]
    return Study(
        arrival=arrival,
        study_uid=new_uid(rng),
        patient_name=f"{rng.choice(FAMILY_NAMES)}^{rng.choice(GIVEN_NAMES)}",
        patient_id=f"DEMO{rng.randint(100000, 999999)}",
        birth_date=birth.strftime("%Y%m%d"),
        age_years=age,
        sex=rng.choices(["F", "M", "O"], [50, 49, 1])[0],
        modality=modality, manufacturer=manufacturer, model=model, software=software,
        station=station, institution=institution, body_part=part,
        view_positions=views,
        patient_position=rng.choices(["HFS", "FFS", "HFP", "HFDL"], [90, 5, 4, 1])[0]
        if modality in ("CT", "MR") else rng.choices(["", "ERECT", "SUPINE"], [6, 3, 1])[0],
        pixel_spacing=round(rng.uniform(0.139, 0.175), 3) if modality in ("DX", "CR")
        else round(rng.uniform(0.5, 0.9), 3),
        kvp=round(rng.gauss(120 if modality != "MR" else 0, 6)) if modality != "MR" else 0,
        exposure=round(rng.uniform(1.5, 4.0), 1),
        orthanc=institution.endswith("Outpatient Centre"),
    )


def studies_for_day(rng, line: tl.Timeline, day: dt.date, low: int, high: int) -> list:
    count = rng.randint(low, high)
    if day.weekday() >= 5:
        count = max(1, round(count * 0.6))
    if line.active("outage", day):
        # The outage falls on two busy weekdays, so that its missing results
        # stand out from a quiet day's.
        count = max(count, (low + high) // 2 + 3)
    return [make_study(rng, line, t) for t in tl.arrival_times(rng, day, count)]
