#!/usr/bin/env python3
"""Lists every skipped test in the surefire and failsafe reports under a folder; exit 1 when there is one, or when
no report is found at all (a run that ran nothing proves nothing).

    python3 scripts/skipped-tests.py [FOLDER]      (test-all.sh runs it under CI=true)
"""
import glob
import os
import sys
import xml.etree.ElementTree as ET

root = sys.argv[1] if len(sys.argv) > 1 else "."
reports = [f for pattern in ("**/target/surefire-reports/TEST-*.xml", "**/target/failsafe-reports/TEST-*.xml")
           for f in glob.glob(os.path.join(root, pattern), recursive=True)]
skipped, cases = [], 0
for report in sorted(reports):
    for case in ET.parse(report).getroot().iter("testcase"):
        cases += 1
        s = case.find("skipped")
        if s is not None:
            why = (s.get("message") or s.text or "").strip().splitlines()
            skipped.append(f'{case.get("classname")}.{case.get("name")}: {why[0] if why else "no reason given"}')
print(f"skipped-tests: {cases} tests in {len(reports)} reports, {len(skipped)} skipped")
for line in skipped:
    print("  SKIPPED " + line)
sys.exit(1 if skipped or cases == 0 else 0)
