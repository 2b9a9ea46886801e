package org.govkiosk.device.internal.driver.cups;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.govkiosk.device.DeviceException;
import org.govkiosk.device.DeviceStatusDetail;

/** A CUPS whose queue state, job progress and failures a test sets. */
final class FakeCupsClient implements CupsClient {

    volatile CupsPrinterState printer = new CupsPrinterState(CupsPrinterState.IDLE, true, List.of("none"));
    volatile DeviceException down;
    /** Job states handed out in order, one per Get-Job-Attributes; the last one repeats. */
    final List<CupsJobState> jobStates = new CopyOnWriteArrayList<>();
    final List<byte[]> submitted = new CopyOnWriteArrayList<>();
    final List<Integer> canceled = new CopyOnWriteArrayList<>();
    final List<Integer> purged = new CopyOnWriteArrayList<>();
    private int next;

    static DeviceException cupsdDown() {
        return new DeviceException(DeviceException.Code.IO_ERROR, DeviceStatusDetail.COMMUNICATION_ERROR, "down");
    }

    void jobGoes(int... states) {
        List<CupsJobState> s = new ArrayList<>();
        for (int st : states) {
            s.add(new CupsJobState(st, List.of()));
        }
        jobStates.clear();
        jobStates.addAll(s);
        next = 0;
    }

    @Override
    public CupsPrinterState printer(String queue) throws DeviceException {
        check();
        return printer;
    }

    @Override
    public synchronized int submit(String queue, String title, byte[] pdf) throws DeviceException {
        check();
        submitted.add(pdf);
        return submitted.size();
    }

    @Override
    public synchronized CupsJobState job(String queue, int jobId) throws DeviceException {
        check();
        CupsJobState s = jobStates.get(Math.min(next, jobStates.size() - 1));
        next++;
        return s;
    }

    @Override
    public void cancel(String queue, int jobId) throws DeviceException {
        check();
        canceled.add(jobId);
    }

    @Override
    public void purge(String queue, int jobId) throws DeviceException {
        check();
        purged.add(jobId);
    }

    private void check() throws DeviceException {
        DeviceException d = down;
        if (d != null) {
            throw d;
        }
    }
}
