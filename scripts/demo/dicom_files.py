"""Writes the demo studies as DICOM files, made from small uncompressed
test images that ship inside the pydicom package.

Each template element is encoded once with pydicom. A file is then the
template's encoded elements with the attributes of its study encoded
fresh and put in tag order, which is several times faster than writing a
whole data set per file with pydicom.
"""

import datetime as dt
import os
from pathlib import Path

import pydicom
from pydicom.dataelem import DataElement
from pydicom.datadict import dictionary_VR, tag_for_keyword
from pydicom.filebase import DicomBytesIO
from pydicom.filewriter import write_data_element
from pydicom.uid import ExplicitVRLittleEndian

from .studies import Study, new_uid

# Small uncompressed files from pydicom's own test data, one per modality.
TEMPLATE_FILES = {
    "CR": "dicomdirtests/77654033/CR1/6154",
    "CT": "dicomdirtests/77654033/CT2/17106",
    "MR": "dicomdirtests/98892003/MR1/4919",
}
SOP_CLASSES = {
    "DX": "1.2.840.10008.5.1.4.1.1.1.1",
    "CR": "1.2.840.10008.5.1.4.1.1.1",
    "CT": "1.2.840.10008.5.1.4.1.1.2",
    "MR": "1.2.840.10008.5.1.4.1.1.4",
}
# Identifying attributes of the templates that the demo does not set.
DROPPED_KEYWORDS = [
    "OtherPatientIDs", "OtherPatientNames", "PatientAddress", "ReferringPhysicianName",
    "PerformingPhysicianName", "OperatorsName", "ImageComments", "StudyComments",
    "RequestingPhysician", "PatientComments", "FrameOfReferenceUID", "StudyID",
    "InstanceCreatorUID", "AdditionalPatientHistory",
]
IMPLEMENTATION_CLASS_UID = "2.25.267163398618463519217328496539216186601"


def template_directory() -> Path:
    return Path(pydicom.__file__).parent / "data" / "test_files"


def encode(tag: int, value) -> bytes:
    """Encode one element in explicit VR little endian."""
    buffer = DicomBytesIO()
    buffer.is_little_endian = True
    buffer.is_implicit_VR = False
    write_data_element(buffer, DataElement(tag, dictionary_VR(tag), value))
    return buffer.getvalue()


def load_templates() -> dict:
    """Return, per modality, the template's encoded elements by tag."""
    templates = {}
    for modality, relative in TEMPLATE_FILES.items():
        dataset = pydicom.dcmread(template_directory() / relative, stop_before_pixels=False)
        dropped = {tag_for_keyword(keyword) for keyword in DROPPED_KEYWORDS}
        templates[modality] = {
            int(element.tag): encode_existing(element)
            for element in dataset
            if int(element.tag) not in dropped and not element.tag.is_private
        }
    templates["DX"] = templates["CR"]
    return templates


def encode_existing(element) -> bytes:
    buffer = DicomBytesIO()
    buffer.is_little_endian = True
    buffer.is_implicit_VR = False
    write_data_element(buffer, element)
    return buffer.getvalue()


def file_meta(sop_class: str, sop_instance: str) -> bytes:
    elements = b"".join([
        encode(0x00020001, b"\x00\x01"),
        encode(0x00020002, sop_class),
        encode(0x00020003, sop_instance),
        encode(0x00020010, ExplicitVRLittleEndian),
        encode(0x00020012, IMPLEMENTATION_CLASS_UID),
    ])
    return b"\x00" * 128 + b"DICM" + encode(0x00020000, len(elements)) + elements


class DICOMWriter:
    """Writes studies under `root`, in a PACS-export tree or, for the
    outpatient centre, in an Orthanc-like hashed storage tree."""

    def __init__(self, root: Path, rng):
        self.root = root
        self.rng = rng
        self.templates = load_templates()
        self.files = 0

    def write(self, study: Study):
        for series_number, view in enumerate(study.view_positions, start=1):
            series_uid = new_uid(self.rng)
            study.series_uids.append(series_uid)
            for instance_number in range(1, self._instances(study) + 1):
                sop_uid = new_uid(self.rng)
                study.instance_uids.append(sop_uid)
                values = self._attributes(study, view, series_uid, sop_uid)
                values.update(SeriesNumber=series_number, InstanceNumber=instance_number)
                data = file_meta(SOP_CLASSES[study.modality], sop_uid) + self._data_set(study, values)
                arrival = study.arrival + dt.timedelta(seconds=series_number * 7 + instance_number)
                self._save(data, study, series_number, instance_number, arrival)

    def _instances(self, study: Study) -> int:
        if len(study.view_positions) == 2:
            return 1
        return self.rng.choices([1, 2, 3], [6, 3, 1])[0]

    def _data_set(self, study: Study, values: dict) -> bytes:
        elements = dict(self.templates[study.modality])
        for keyword, value in values.items():
            tag = tag_for_keyword(keyword)
            if value is None:
                elements.pop(tag, None)
            else:
                elements[tag] = encode(tag, value)
        return b"".join(elements[tag] for tag in sorted(elements))

    def _attributes(self, study: Study, view: str, series_uid: str, sop_uid: str) -> dict:
        date = study.arrival.strftime("%Y%m%d")
        xray = study.modality in ("DX", "CR")
        spacing = [f"{study.pixel_spacing:.3f}"] * 2
        return {
            "SOPClassUID": SOP_CLASSES[study.modality], "SOPInstanceUID": sop_uid,
            "StudyInstanceUID": study.study_uid, "SeriesInstanceUID": series_uid,
            "StudyDate": date, "SeriesDate": date, "ContentDate": date, "AcquisitionDate": date,
            "StudyTime": study.arrival.strftime("%H%M%S"),
            "AccessionNumber": "ACC" + study.patient_id[4:] + date[4:],
            "StudyDescription": f"{study.modality} {study.body_part or 'UNSPECIFIED'}",
            "SeriesDescription": view or study.modality,
            "PatientName": study.patient_name, "PatientID": study.patient_id,
            "PatientBirthDate": study.birth_date, "PatientSex": study.sex,
            "PatientAge": f"{study.age_years:03d}Y",
            "Modality": study.modality, "Manufacturer": study.manufacturer,
            "ManufacturerModelName": study.model, "SoftwareVersions": study.software,
            "StationName": study.station, "InstitutionName": study.institution,
            "BodyPartExamined": study.body_part, "ViewPosition": view,
            "PatientPosition": study.patient_position,
            # The demo's CR reader writes MONOCHROME1 (inverted grey
            # scale), and its DX detectors write MONOCHROME2.
            "PhotometricInterpretation": "MONOCHROME1" if study.modality == "CR" else "MONOCHROME2",
            "PixelSpacing": spacing,
            "ImagerPixelSpacing": spacing if xray else None,
            "KVP": None if study.modality == "MR" else f"{study.kvp:g}",
            "ExposureInmAs": None if study.modality == "MR" else float(study.exposure),
        }

    def _save(self, data: bytes, study: Study, series: int, instance: int, arrival: dt.datetime):
        path = self._path(study, series, instance)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        stamp = arrival.timestamp()
        os.utime(path, (stamp, stamp))
        self.files += 1

    def _path(self, study: Study, series: int, instance: int) -> Path:
        if study.orthanc:
            digest = "%032x" % self.rng.getrandbits(128)
            name = "-".join([digest[:8], digest[8:12], digest[12:16], digest[16:20], digest[20:]])
            return self.root / "orthanc-storage" / name[:2] / name[2:4] / name
        day = study.arrival
        folder = f"{study.patient_id}_{study.study_uid[-6:]}"
        return (self.root / "pacs-export" / f"{day:%Y}" / f"{day:%m}" / f"{day:%d}" / folder
                / f"S{series}" / f"I{instance}.dcm")
