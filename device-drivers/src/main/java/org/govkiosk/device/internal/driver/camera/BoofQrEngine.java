package org.govkiosk.device.internal.driver.camera;

import boofcv.abst.fiducial.QrCodeDetector;
import boofcv.alg.fiducial.qrcode.QrCode;
import boofcv.factory.fiducial.ConfigQrCode;
import boofcv.factory.fiducial.FactoryFiducial;
import boofcv.struct.image.GrayU8;
import georegression.struct.point.Point2D_F64;
import java.util.ArrayList;
import java.util.List;

/**
 * BoofCV's QR detector, the second engine: it finds position patterns as squares of a locally thresholded picture,
 * so it reads codes ZXing's row scan does not (tilted, blurred, curved, faded). It checks the error correction like
 * ZXing, so what it reports was in the code. One engine per thread, like the decoder that owns it.
 */
final class BoofQrEngine {

    private final QrCodeDetector<GrayU8> detector;
    private final GrayU8 grey = new GrayU8(1, 1);

    BoofQrEngine() {
        ConfigQrCode config = new ConfigQrCode();
        detector = FactoryFiducial.qrcode(config, GrayU8.class);
    }

    /** The codes in a grey picture (row-major, one byte a pixel), light background and dark modules. */
    List<DecodedCode> decode(byte[] pixels, int width, int height) {
        grey.reshape(width, height);
        System.arraycopy(pixels, 0, grey.data, 0, width * height);
        detector.process(grey);
        List<DecodedCode> out = new ArrayList<>();
        for (QrCode qr : detector.getDetections()) {
            if (qr.message == null || qr.message.isEmpty()) {
                continue;
            }
            double x = Double.MAX_VALUE;
            double y = Double.MAX_VALUE;
            for (int i = 0; i < qr.bounds.size(); i++) {
                Point2D_F64 p = qr.bounds.get(i);
                x = Math.min(x, p.x);
                y = Math.min(y, p.y);
            }
            out.add(new DecodedCode(qr.message, x == Double.MAX_VALUE ? 0 : (int) Math.max(0, x),
                    y == Double.MAX_VALUE ? 0 : (int) Math.max(0, y)));
        }
        return out;
    }
}
