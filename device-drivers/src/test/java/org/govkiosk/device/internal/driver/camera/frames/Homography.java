package org.govkiosk.device.internal.driver.camera.frames;

/** The projective map of the unit square onto a quadrilateral (Heckbert's closed form), and its inverse. */
final class Homography {

    private Homography() {
    }

    /** Row-major 3×3 matrix taking (u, v, 1) in the unit square to the quad's corners (x0,y0 … x3,y3 clockwise). */
    static double[] squareToQuad(double[] q) {
        double x0 = q[0];
        double y0 = q[1];
        double x1 = q[2];
        double y1 = q[3];
        double x2 = q[4];
        double y2 = q[5];
        double x3 = q[6];
        double y3 = q[7];
        double dx3 = x0 - x1 + x2 - x3;
        double dy3 = y0 - y1 + y2 - y3;
        double dx1 = x1 - x2;
        double dx2 = x3 - x2;
        double dy1 = y1 - y2;
        double dy2 = y3 - y2;
        double den = dx1 * dy2 - dx2 * dy1;
        double g = (dx3 * dy2 - dx2 * dy3) / den;
        double h = (dx1 * dy3 - dx3 * dy1) / den;
        return new double[] {
            x1 - x0 + g * x1, x3 - x0 + h * x3, x0,
            y1 - y0 + g * y1, y3 - y0 + h * y3, y0,
            g, h, 1};
    }

    static double[] invert(double[] m) {
        double a = m[0];
        double b = m[1];
        double c = m[2];
        double d = m[3];
        double e = m[4];
        double f = m[5];
        double g = m[6];
        double h = m[7];
        double i = m[8];
        double[] adj = {
            e * i - f * h, c * h - b * i, b * f - c * e,
            f * g - d * i, a * i - c * g, c * d - a * f,
            d * h - e * g, b * g - a * h, a * e - b * d};
        double det = a * adj[0] + b * adj[3] + c * adj[6];
        for (int k = 0; k < 9; k++) {
            adj[k] /= det;
        }
        return adj;
    }
}
