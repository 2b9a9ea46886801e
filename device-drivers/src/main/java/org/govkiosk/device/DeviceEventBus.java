package org.govkiosk.device;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fans device events and status changes out to subscribers, on the publishing thread. A subscriber that
 * throws is logged and does not stop the others.
 */
public final class DeviceEventBus {

    private static final Logger LOG = LoggerFactory.getLogger(DeviceEventBus.class);

    private final List<Consumer<? super DeviceEvent>> eventSubscribers = new CopyOnWriteArrayList<>();
    private final List<Consumer<? super DeviceStatusChanged>> statusSubscribers = new CopyOnWriteArrayList<>();

    public AutoCloseable onEvent(Consumer<? super DeviceEvent> subscriber) {
        eventSubscribers.add(subscriber);
        return () -> eventSubscribers.remove(subscriber);
    }

    public AutoCloseable onStatus(Consumer<? super DeviceStatusChanged> subscriber) {
        statusSubscribers.add(subscriber);
        return () -> statusSubscribers.remove(subscriber);
    }

    public void publish(DeviceEvent event) {
        deliver(eventSubscribers, event);
    }

    public void publish(DeviceStatusChanged change) {
        deliver(statusSubscribers, change);
    }

    private static <T> void deliver(List<Consumer<? super T>> subscribers, T message) {
        for (Consumer<? super T> subscriber : subscribers) {
            try {
                subscriber.accept(message);
            } catch (RuntimeException e) {
                LOG.error("Subscriber {} failed on {}", subscriber, message, e);
            }
        }
    }
}
