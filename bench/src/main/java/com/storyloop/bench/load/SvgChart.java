package com.storyloop.bench.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A plain SVG line chart of panels stacked on one time axis, written without a charting library so the benchmark can
 * put it into docs/ by itself. A panel may use a logarithmic axis, for latencies that span milliseconds to seconds.
 */
public final class SvgChart {

    public record Series(String name, String color, double[] seconds, double[] values) {
    }

    /** @param thresholds targets drawn as dotted lines, in the panel's unit */
    public record Panel(String title, String unit, boolean logarithmic, List<Series> series, List<Double> thresholds) {
    }

    /** A vertical line across every panel, e.g. where the measured window starts. */
    public record Mark(double second, String label) {
    }

    private static final int WIDTH = 900;
    private static final int PANEL_HEIGHT = 260;
    private static final int LEFT = 70;
    private static final int RIGHT = 170;
    private static final int TOP = 40;
    private static final int GAP = 60;

    private SvgChart() {
    }

    public static String render(String title, List<Panel> panels, List<Mark> marks) {
        double maxSecond = panels.stream().flatMap(p -> p.series().stream()).mapToDouble(s -> s.seconds().length == 0 ? 0 : s.seconds()[s.seconds().length - 1])
                .max().orElse(1);
        int height = TOP + panels.size() * (PANEL_HEIGHT + GAP);
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" "
                + "font-family=\"sans-serif\" font-size=\"12\" role=\"img\" aria-label=\"%s\">%n", WIDTH, height, WIDTH, height, escape(title)));
        svg.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"22\" font-size=\"15\" font-weight=\"bold\">%s</text>%n", LEFT, escape(title)));
        int plotWidth = WIDTH - LEFT - RIGHT;
        for (int p = 0; p < panels.size(); p++) {
            Panel panel = panels.get(p);
            int top = TOP + p * (PANEL_HEIGHT + GAP) + 20;
            int bottom = top + PANEL_HEIGHT - 40;
            double max = panel.series().stream().flatMapToDouble(s -> java.util.Arrays.stream(s.values())).filter(Double::isFinite).max().orElse(1);
            for (double threshold : panel.thresholds()) {
                max = Math.max(max, threshold);
            }
            max = Math.max(max, panel.logarithmic() ? 10 : 1) * 1.1;
            double min = panel.logarithmic() ? 1 : 0;
            Axis y = new Axis(min, max, panel.logarithmic(), top, bottom);
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-weight=\"bold\">%s (%s%s)</text>%n", LEFT, top - 8, escape(panel.title()),
                    escape(panel.unit()), panel.logarithmic() ? ", log scale" : ""));
            svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"#999\"/>%n", LEFT, top, plotWidth,
                    bottom - top));
            for (double tick : y.ticks()) {
                double py = y.at(tick);
                svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#eee\"/>", LEFT, LEFT + plotWidth, py, py));
                svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>%n", LEFT - 6, py + 4, label(tick)));
            }
            for (int t = 0; t <= 6; t++) {
                double second = maxSecond * t / 6;
                double px = LEFT + plotWidth * second / maxSecond;
                svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>%n", px, bottom + 16,
                        String.format(Locale.ROOT, "%d:%02d", (long) second / 60, (long) second % 60)));
            }
            for (double threshold : panel.thresholds()) {
                double py = y.at(threshold);
                svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#555\" stroke-dasharray=\"2 3\"/>%n", LEFT,
                        LEFT + plotWidth, py, py));
            }
            for (Mark mark : marks) {
                double px = LEFT + plotWidth * mark.second() / maxSecond;
                svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%d\" y2=\"%d\" stroke=\"#333\" stroke-dasharray=\"6 4\"/>", px, px, top,
                        bottom));
                svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\">%s</text>%n", px + 4, top + 14, escape(mark.label())));
            }
            int legend = top + 10;
            for (Series series : panel.series()) {
                StringBuilder points = new StringBuilder();
                for (int i = 0; i < series.seconds().length; i++) {
                    double value = series.values()[i];
                    if (!Double.isFinite(value) || (panel.logarithmic() && value <= 0)) {
                        continue;
                    }
                    points.append(String.format(Locale.ROOT, "%.1f,%.1f ", LEFT + plotWidth * series.seconds()[i] / maxSecond, y.at(value)));
                }
                svg.append(String.format(Locale.ROOT, "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"1.5\" points=\"%s\"/>%n", series.color(),
                        points.toString().strip()));
                svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"%d\" y2=\"%d\" stroke=\"%s\" stroke-width=\"3\"/>", LEFT + plotWidth + 10,
                        LEFT + plotWidth + 30, legend, legend, series.color()));
                svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">%s</text>%n", LEFT + plotWidth + 36, legend + 4, escape(series.name())));
                legend += 18;
            }
            for (double threshold : panel.thresholds()) {
                svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"%d\" y2=\"%d\" stroke=\"#555\" stroke-dasharray=\"2 3\"/>",
                        LEFT + plotWidth + 10, LEFT + plotWidth + 30, legend, legend));
                svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">target %s</text>%n", LEFT + plotWidth + 36, legend + 4, label(threshold)));
                legend += 18;
            }
        }
        svg.append("</svg>\n");
        return svg.toString();
    }

    private record Axis(double min, double max, boolean log, int top, int bottom) {
        double at(double value) {
            double v = Math.max(min, Math.min(max, value));
            double share = log ? (Math.log10(v) - Math.log10(min)) / (Math.log10(max) - Math.log10(min)) : (v - min) / (max - min);
            return bottom - share * (bottom - top);
        }

        List<Double> ticks() {
            List<Double> ticks = new ArrayList<>();
            if (log) {
                for (double t = 1; t <= max; t *= 10) {
                    ticks.add(t);
                }
            } else {
                double step = niceStep(max / 5);
                for (double t = 0; t <= max; t += step) {
                    ticks.add(t);
                }
            }
            return ticks;
        }

        private static double niceStep(double raw) {
            double magnitude = Math.pow(10, Math.floor(Math.log10(Math.max(raw, 1e-9))));
            double r = raw / magnitude;
            return (r <= 1 ? 1 : r <= 2 ? 2 : r <= 5 ? 5 : 10) * magnitude;
        }
    }

    private static String label(double value) {
        return value >= 1000 ? String.format(Locale.ROOT, "%,.0f", value) : value == Math.rint(value) ? String.format(Locale.ROOT, "%.0f", value)
                : String.format(Locale.ROOT, "%.1f", value);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
