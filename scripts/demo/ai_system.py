"""The AI system's output for the demo studies: a JSON Lines results file
(docs/results-format.md), a JSON log of the DICOM router, and a Python
logging text log of the inference service with multi-line tracebacks."""

import datetime as dt
import math

from . import timeline as tl
from .studies import Study

BASE_RATES = {"pneumothorax": 0.06, "effusion": 0.10, "nodule": 0.05, "opacity": 0.25}

FETCH_TRACEBACK = """Traceback (most recent call last):
  File "/opt/chestai/pipeline/fetch.py", line 41, in fetch_series
    return self.client.retrieve(study_uid, timeout=30)
  File "/opt/chestai/pipeline/pacs.py", line 118, in retrieve
    raise TimeoutError(f"C-MOVE for {study_uid} timed out after {timeout} s")
TimeoutError: C-MOVE for {uid} timed out after 30 s"""

NEW_ERROR_TRACEBACK = """Traceback (most recent call last):
  File "/opt/chestai/pipeline/run.py", line 212, in process
    tensor = self.preprocess(dataset)
  File "/opt/chestai/pipeline/preprocess.py", line 97, in preprocess
    spacing = float(dataset.ImagerPixelSpacing[1])
IndexError: list index out of range"""

CUDA_TRACEBACK = """Traceback (most recent call last):
  File "/opt/chestai/pipeline/worker.py", line 66, in warm_up
    self.model.to(self.device)
  File "/opt/chestai/venv/lib/python3.11/site-packages/torch/nn/modules/module.py", line 1160, in to
    return self._apply(convert)
RuntimeError: CUDA error: no CUDA-capable device is detected"""


class AISystem:
    """Turns studies into results lines and log records, day by day."""

    def __init__(self, line: tl.Timeline, rng):
        self.line = line
        self.rng = rng
        self.results = []
        # (time, text) records; text may span lines (tracebacks).
        self.inference_log = []
        self.router_log = []

    def run_day(self, day: dt.date, studies: list):
        self._daily_banner(day)
        outage = self.line.active("outage", day)
        if outage:
            self._outage_errors(day)
        for study in studies:
            self._route(study)
            if study.modality in ("DX", "CR") and not outage:
                self._infer(study)
            elif study.modality in ("DX", "CR"):
                waited = study.arrival + dt.timedelta(seconds=600)
                self._router(waited, "warning", f"no result for study {study.study_uid} "
                             f"(patient {study.patient_name}) after 600 s")

    def _daily_banner(self, day: dt.date):
        moment = dt.datetime.combine(day, dt.time(0, 5), tl.UTC)
        version = self.line.model_version(day)
        self._inference(moment, "INFO", "chestai.worker",
                        f"model {tl.MODEL} version {version} ready on cuda:0")

    def _outage_errors(self, day: dt.date):
        start = dt.datetime.combine(day, dt.time(), tl.UTC)
        for minute in range(0, 24 * 60, 10):
            moment = start + dt.timedelta(minutes=minute, seconds=self.rng.randint(0, 9))
            self._inference(moment, "ERROR", "chestai.worker",
                            "failed to start inference on cuda:0\n" + CUDA_TRACEBACK)
            if minute % 60 == 0:
                self._inference(moment, "CRITICAL", "chestai.worker",
                                "GPU 0 unavailable; inference worker stopped")

    def _route(self, study: Study):
        count = len(study.instance_uids)
        self._router(study.arrival, "info",
                     f"received study {study.study_uid} from station {study.station} "
                     f"({count} instances)")

    def _infer(self, study: Study):
        day = study.arrival.date()
        version = self.line.model_version(day)
        latency = self._latency(day)
        start = study.arrival + dt.timedelta(seconds=self.rng.randint(5, 40))
        done = start + dt.timedelta(milliseconds=latency)
        # Some messages name the (made-up) patient, as careless logging does.
        patient = f" for patient {study.patient_name}" if self.rng.random() < 0.3 else ""
        self._inference(start, "INFO", "chestai.pipeline",
                        f"processing study {study.study_uid}{patient}")
        status = self._failure(study, start, version)
        if status is None:
            self._log_instances(study, start, latency)
            self._inference(done, "INFO", "chestai.pipeline",
                            f"study {study.study_uid} done in {latency} ms")
            self._router(done, "info", f"result for study {study.study_uid} sent to PACS",
                         latency_ms=latency)
            self.results.append(self._result_line(study, done, version, latency))
        else:
            self.results.append({
                "time": _rfc3339(done), "study": study.study_uid, "model": tl.MODEL,
                "version": version, "status": status, "latency_ms": latency,
            })

    def _log_instances(self, study: Study, start: dt.datetime, latency: int):
        """Log the inference time of each image, which shares the study's time."""
        share = latency // max(1, len(study.instance_uids))
        for index, uid in enumerate(study.instance_uids):
            moment = start + dt.timedelta(milliseconds=share * (index + 1))
            self._inference(moment, "INFO", "chestai.model", f"instance {uid} inferred in {share} ms")

    def _failure(self, study: Study, start: dt.datetime, version: str):
        roll = self.rng.random()
        if roll < 0.01:
            text = FETCH_TRACEBACK.replace("{uid}", study.study_uid)
            self._inference(start, "ERROR", "chestai.pipeline",
                            f"failed to fetch study {study.study_uid}\n{text}")
            return "timeout"
        if version != "2.1.4" and roll < 0.07:
            self._inference(start, "ERROR", "chestai.pipeline",
                            f"failed to process study {study.study_uid}\n{NEW_ERROR_TRACEBACK}")
            return "failed"
        if roll > 0.985:
            self._inference(start, "WARNING", "chestai.pipeline",
                            f"low contrast in series {study.series_uids[0]} of patient "
                            f"{study.patient_name}, result may be unreliable")
        return None

    def _latency(self, day: dt.date) -> int:
        factor = 1.8 if self.line.active("latencyRegression", day) else 1.0
        return int(factor * 850 * math.exp(0.3 * self.rng.gauss(0, 1)))

    def _result_line(self, study: Study, done: dt.datetime, version: str, latency: int) -> dict:
        rates = dict(BASE_RATES)
        if version == "2.2.0":
            rates["opacity"] *= 2
        findings = {}
        for name, rate in rates.items():
            positive = self.rng.random() < rate
            score = self.rng.uniform(0.55, 0.99) if positive else self.rng.betavariate(2, 12)
            findings[name] = {"score": round(score, 3), "label": positive}
        findings["nodule"] = findings["nodule"]["score"]
        return {
            "time": _rfc3339(done), "study": study.study_uid, "model": tl.MODEL,
            "version": version, "status": "ok", "latency_ms": latency,
            "uncertainty": round(self.rng.betavariate(2, 18), 3), "threshold": 0.5,
            "findings": findings,
            "values": {
                "lung_volume_ml": round(self.rng.gauss(4300, 600), 1),
                "brightness": round(self.rng.uniform(0.35, 0.6), 3),
            },
        }

    def _inference(self, moment: dt.datetime, level: str, logger: str, message: str):
        stamp = moment.strftime("%Y-%m-%d %H:%M:%S") + f",{moment.microsecond // 1000:03d}"
        self.inference_log.append((moment, f"{stamp} - {logger} - {level} - {message}"))

    def _router(self, moment: dt.datetime, level: str, message: str, **extra):
        record = {"time": _rfc3339(moment), "level": level, "logger": "dicom.router",
                  "message": message}
        record.update(extra)
        self.router_log.append((moment, record))


def _rfc3339(moment: dt.datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"
