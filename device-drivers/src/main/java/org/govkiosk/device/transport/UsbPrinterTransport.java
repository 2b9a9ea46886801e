package org.govkiosk.device.transport;

import java.io.FileNotFoundException;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import org.govkiosk.device.DeviceException;
import org.govkiosk.device.DeviceStatusDetail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A printer of the USB printer class through the kernel's usblp driver: its device node ({@code /dev/usb/lp0}),
 * written for print data and read for what the printer sends back. A bidirectional printer answers
 * {@code DLE EOT} there, so its status is known as on a serial line; a printer without a read channel sends
 * nothing and is configured with {@code status-queries: none}. The node vanishing (unplugged) or a failing read
 * is reported once as a disconnect; a local {@link #close()} is never reported. No line settings: USB has none.
 */
public final class UsbPrinterTransport implements Transport {

    private static final Logger LOG = LoggerFactory.getLogger(UsbPrinterTransport.class);
    private static final long JOIN_MS = 2_000;

    private final String path;
    private final Object lock = new Object();
    private final Object writeLock = new Object();
    /**
     * One descriptor (usblp lets one opener in): read through its channel, whose close wakes a blocked read, and
     * written through a stream on the same descriptor, since a FileChannel's read and write share one lock and a
     * read waiting for the printer would hold every write back.
     */
    private volatile Open handle;
    private Thread reader;

    private record Open(RandomAccessFile file, FileChannel in, FileOutputStream out) {
    }

    public UsbPrinterTransport(String path) {
        if (path == null || path.isBlank()) {
            throw new IllegalArgumentException("a USB printer transport needs its device node, e.g. /dev/usb/lp0");
        }
        this.path = path;
    }

    @Override
    public void open(TransportListener listener) throws DeviceException {
        synchronized (lock) {
            if (handle != null) {
                throw new DeviceException(DeviceException.Code.PORT_IN_USE, DeviceStatusDetail.PORT_IN_USE,
                        path + " is already open by this transport");
            }
            Path node = Paths.get(path);
            if (!Files.exists(node)) {
                throw new DeviceException(DeviceException.Code.PORT_NOT_FOUND, DeviceStatusDetail.PORT_NOT_FOUND,
                        path + " does not exist (is the printer plugged in and the usblp module loaded?)");
            }
            if (!Files.isReadable(node) || !Files.isWritable(node)) {
                throw permissionDenied();
            }
            Open h;
            try {
                RandomAccessFile file = new RandomAccessFile(node.toFile(), "rw");
                h = new Open(file, file.getChannel(), new FileOutputStream(file.getFD()));
            } catch (FileNotFoundException e) {
                // usblp answers EBUSY to a second opener; Java reports every open failure this way
                throw new DeviceException(DeviceException.Code.PORT_IN_USE, DeviceStatusDetail.PORT_IN_USE,
                        path + " could not be opened (held by another program?): " + e.getMessage(), e);
            } catch (IOException e) {
                throw new DeviceException(DeviceException.Code.IO_ERROR, DeviceStatusDetail.COMMUNICATION_ERROR,
                        path + " could not be opened: " + e.getMessage(), e);
            }
            handle = h;
            Thread t = new Thread(() -> readLoop(h, listener), "usblp-reader-" + node.getFileName());
            t.setDaemon(true);
            reader = t;
            t.start();
            LOG.debug("Opened {}", describe());
        }
    }

    private DeviceException permissionDenied() {
        return new DeviceException(DeviceException.Code.PORT_PERMISSION_DENIED,
                DeviceStatusDetail.PORT_PERMISSION_DENIED,
                path + " is not readable and writable by this user (add the user to the lp group)");
    }

    private void readLoop(Open h, TransportListener listener) {
        ByteBuffer buffer = ByteBuffer.allocate(4096);
        String lost = null;
        while (handle == h) {
            int n;
            try {
                buffer.clear();
                n = h.in().read(buffer);
            } catch (ClosedChannelException e) {
                break; // a local close (AsynchronousCloseException wakes a blocked read)
            } catch (IOException e) {
                lost = "read failed: " + e.getMessage();
                break;
            }
            if (n < 0) {
                lost = "the device node reported end of data (unplugged?)";
                break;
            }
            if (n > 0) {
                listener.onData(Arrays.copyOf(buffer.array(), n));
            }
        }
        boolean report;
        synchronized (lock) {
            report = lost != null && handle == h;
            if (report) {
                handle = null;
                reader = null;
            }
        }
        if (report) {
            closeQuietly(h);
            LOG.debug("{} lost: {}", describe(), lost);
            listener.onDisconnected(new DeviceException(DeviceException.Code.DISCONNECTED,
                    DeviceStatusDetail.DISCONNECTED, path + ": " + lost));
        }
    }

    @Override
    public void write(byte[] data) throws DeviceException {
        Open h = handle;
        if (h == null) {
            throw new DeviceException(DeviceException.Code.NOT_CONNECTED, DeviceStatusDetail.DISCONNECTED,
                    path + " is not open");
        }
        synchronized (writeLock) {
            try {
                h.out().write(data);
                h.out().flush();
            } catch (IOException e) {
                throw new DeviceException(DeviceException.Code.IO_ERROR, DeviceStatusDetail.COMMUNICATION_ERROR,
                        path + ": write failed: " + e.getMessage(), e);
            }
        }
    }

    @Override
    public boolean isOpen() {
        return handle != null;
    }

    @Override
    public void close() {
        Open h;
        Thread t;
        synchronized (lock) {
            h = handle;
            t = reader;
            handle = null;
            reader = null;
        }
        if (h == null) {
            return;
        }
        closeQuietly(h); // the channel's close wakes the reader blocked in read
        if (t != null && t != Thread.currentThread()) {
            try {
                t.join(JOIN_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        LOG.debug("Closed {}", describe());
    }

    private static void closeQuietly(Open h) {
        try {
            h.file().close(); // the channel first (waking its reader), then the shared descriptor
        } catch (IOException e) {
            LOG.debug("closing failed: {}", e.getMessage());
        }
    }

    @Override
    public String describe() {
        return "usb:" + path;
    }
}
