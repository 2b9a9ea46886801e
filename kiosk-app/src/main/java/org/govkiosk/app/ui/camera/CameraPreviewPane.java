package org.govkiosk.app.ui.camera;

import javafx.beans.value.ChangeListener;
import javafx.beans.value.WeakChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.text.TextAlignment;
import org.govkiosk.app.i18n.I18n;
import org.govkiosk.app.ui.shell.Controls;
import org.govkiosk.device.CameraPreview;

/**
 * The camera's live picture on a screen, with what to do ("hold the code to the camera") on a band across its
 * foot. Its place is fixed from the start (a dark frame until the first picture), so nothing on the screen moves
 * when the picture appears, and it is no taller than the picture: the screen gains no line. One image is written over for each picture of the same size: no image per frame.
 */
public final class CameraPreviewPane extends StackPane {

    /** 4:3 like most UVC cameras' default; a 16:9 picture is letter-boxed inside. */
    public static final double WIDTH = 320;
    public static final double HEIGHT = 240;

    private final ImageView view = new ImageView();
    private final ChangeListener<CameraPreview.Picture> onPicture = (obs, was, now) -> show(now);
    private WritableImage image;

    public CameraPreviewPane(CameraPreviewModel model, I18n i18n, String id) {
        setId(id);
        getStyleClass().add("camera-preview");
        view.setId(id + "-picture");
        view.setFitWidth(WIDTH);
        view.setFitHeight(HEIGHT);
        view.setPreserveRatio(true);
        view.setSmooth(true);
        StackPane frame = new StackPane(view);
        frame.setId(id + "-frame");
        frame.setStyle("-fx-background-color: #20242a; -fx-background-radius: 6;");
        fix(frame);
        Label hint = Controls.label(i18n, model.hintKey(), "camera-preview-hint");
        hint.setId(id + "-hint");
        Controls.wrap(hint);
        hint.setTextAlignment(TextAlignment.CENTER);
        hint.setAlignment(Pos.CENTER);
        hint.setMaxWidth(WIDTH);
        hint.setStyle("-fx-text-fill: white; -fx-background-color: rgba(16, 20, 26, 0.78); -fx-padding: 6 10;"
                + " -fx-background-radius: 0 0 6 6;");
        StackPane.setAlignment(hint, Pos.BOTTOM_CENTER);
        getChildren().addAll(frame, hint);
        fix(this);
        // Registered weakly, held here: the model outlives this session's screen and must not keep it alive.
        model.pictureProperty().addListener(new WeakChangeListener<>(onPicture));
        show(model.pictureProperty().get());
    }

    private static void fix(Region r) {
        r.setMinSize(WIDTH, HEIGHT);
        r.setPrefSize(WIDTH, HEIGHT);
        r.setMaxSize(WIDTH, HEIGHT);
    }

    private void show(CameraPreview.Picture p) {
        if (p == null) {
            view.setImage(null);
            return;
        }
        if (image == null || (int) image.getWidth() != p.width() || (int) image.getHeight() != p.height()) {
            image = new WritableImage(p.width(), p.height());
        }
        image.getPixelWriter().setPixels(0, 0, p.width(), p.height(), PixelFormat.getIntArgbInstance(), p.argb(), 0,
                p.width());
        view.setImage(image);
    }

    /** The picture's view, for tests: what is shown now. */
    public ImageView pictureView() {
        return view;
    }
}
