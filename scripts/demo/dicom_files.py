"""Writes the demo studies as DICOM files, made from small uncompressed
test images that ship inside the pydicom package."""

import datetime as dt
import os
from pathlib import Path

import pydicom
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
]


def template_directory() -> Path:
    return Path(pydicom.__file__).parent / "data" / "test_files"


def load_templates() -> dict:
    """Read the template data sets, without their identifying attributes."""
    templates = {}
    for modality, relative in TEMPLATE_FILES.items():
        dataset = pydicom.dcmread(template_directory() / relative)
        for keyword in DROPPED_KEYWORDS:
            if keyword in dataset:
                delattr(dataset, keyword)
        dataset.file_meta.TransferSyntaxUID = ExplicitVRLittleEndian
        templates[modality] = dataset
    templates["DX"] = templates["CR"]
    return templates


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
                dataset = self._dataset(study, view, series_uid, sop_uid)
                dataset.SeriesNumber = series_number
                dataset.InstanceNumber = instance_number
                arrival = study.arrival + dt.timedelta(seconds=series_number * 7 + instance_number)
                self._save(dataset, study, series_number, instance_number, arrival)

    def _instances(self, study: Study) -> int:
        if len(study.view_positions) == 2:
            return 1
        return self.rng.choices([1, 2, 3], [6, 3, 1])[0]

    def _dataset(self, study: Study, view: str, series_uid: str, sop_uid: str):
        dataset = self.templates[study.modality]
        date = study.arrival.strftime("%Y%m%d")
        dataset.file_meta.MediaStorageSOPClassUID = SOP_CLASSES[study.modality]
        dataset.file_meta.MediaStorageSOPInstanceUID = sop_uid
        dataset.SOPClassUID = SOP_CLASSES[study.modality]
        dataset.SOPInstanceUID = sop_uid
        dataset.StudyInstanceUID = study.study_uid
        dataset.SeriesInstanceUID = series_uid
        dataset.StudyDate = dataset.SeriesDate = dataset.ContentDate = date
        dataset.AcquisitionDate = date
        dataset.StudyDescription = f"{study.modality} {study.body_part or 'UNSPECIFIED'}"
        dataset.SeriesDescription = view or study.modality
        dataset.StudyTime = study.arrival.strftime("%H%M%S")
        dataset.AccessionNumber = "ACC" + study.patient_id[4:] + date[4:]
        dataset.PatientName = study.patient_name
        dataset.PatientID = study.patient_id
        dataset.PatientBirthDate = study.birth_date
        dataset.PatientSex = study.sex
        dataset.PatientAge = f"{study.age_years:03d}Y"
        self._set_equipment(dataset, study, view)
        return dataset

    def _set_equipment(self, dataset, study: Study, view: str):
        dataset.Modality = study.modality
        dataset.Manufacturer = study.manufacturer
        dataset.ManufacturerModelName = study.model
        dataset.SoftwareVersions = study.software
        dataset.StationName = study.station
        dataset.InstitutionName = study.institution
        dataset.BodyPartExamined = study.body_part
        dataset.ViewPosition = view
        dataset.PatientPosition = study.patient_position
        dataset.PixelSpacing = [study.pixel_spacing, study.pixel_spacing]
        # The demo's CR reader writes MONOCHROME1 (inverted grey scale), and
        # its DX detectors write MONOCHROME2.
        dataset.PhotometricInterpretation = "MONOCHROME1" if study.modality == "CR" else "MONOCHROME2"
        if study.modality in ("DX", "CR"):
            dataset.ImagerPixelSpacing = [study.pixel_spacing, study.pixel_spacing]
        if study.modality == "MR":
            if "KVP" in dataset:
                del dataset.KVP
        else:
            dataset.KVP = study.kvp
            dataset.ExposureInmAs = study.exposure

    def _save(self, dataset, study: Study, series: int, instance: int, arrival: dt.datetime):
        path = self._path(study, series, instance)
        path.parent.mkdir(parents=True, exist_ok=True)
        dataset.save_as(path, enforce_file_format=True)
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
