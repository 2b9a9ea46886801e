import java.lang.management.ManagementFactory;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

/** The peer of the terminal's cold start: a bare JavaFX window with one label, timed the same way. */
public class BareWindow extends Application {
    @Override
    public void start(Stage stage) {
        stage.setScene(new Scene(new Label("欢迎使用"), 1280, 1024));
        stage.show();
        long ms = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
        System.out.println("STARTUP_MS " + ms);
        // The peak resident memory up to the window, as the terminal prints it at its first screen.
        try (java.util.stream.Stream<String> lines = java.nio.file.Files.lines(java.nio.file.Path.of("/proc/self/status"))) {
            lines.filter(l -> l.startsWith("VmHWM:")).findFirst()
                    .ifPresent(l -> System.out.println("PEAK_RSS_AT_SCREEN_KIB " + l.replaceAll("[^0-9]", "")));
        } catch (java.io.IOException e) {
            // not Linux: the harness reads only the process's peak
        }
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            System.out.println("CPU_MS_AT_SCREEN " + os.getProcessCpuTime() / 1_000_000);
        }
        Platform.exit();
    }

    /** Launched from a class that is not an Application, as the terminal is (JavaFX on the class path). */
    public static final class Main {
        public static void main(String[] args) {
            Application.launch(BareWindow.class, args);
        }
    }
}
