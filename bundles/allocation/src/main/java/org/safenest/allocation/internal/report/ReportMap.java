package org.safenest.allocation.internal.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.imageio.ImageIO;

import org.safenest.api.allocation.AllocationInput;
import org.safenest.api.allocation.AllocationUnit;
import org.safenest.api.allocation.Team;
import org.safenest.api.region.GeoPoint;

/**
 * The map of units and teams, drawn from the coordinates alone (no base map, no tiles: nothing is fetched): an
 * equirectangular projection with longitude scaled by the cosine of the mean latitude, each unit a dot in its team's
 * colour, each team's base a square, unserved units grey crosses. The same drawing as a PNG (for the XLSX; shapes only, no
 * text, so no font is needed on a server) and as inline SVG (for the printable page).
 */
public final class ReportMap {

    /** A drawable item in pixels. */
    public record Dot(double x, double y, String unit, int team) {
    }

    /** A team: its colour, its base in pixels (NaN when it has none) and its units. */
    public record TeamMark(Team team, String color, double x, double y, int units) {
    }

    private final int width;
    private final int height;
    private final List<Dot> dots = new ArrayList<>();
    private final List<TeamMark> teams = new ArrayList<>();

    /** Lays out the input's units and current teams in a {@code width} x {@code height} box with a margin. */
    public ReportMap(AllocationInput input, int width, int height) {
        this.width = width;
        this.height = height;
        double minLat = Double.MAX_VALUE, maxLat = -Double.MAX_VALUE, minLon = Double.MAX_VALUE, maxLon = -Double.MAX_VALUE;
        for (AllocationUnit u : input.units()) {
            GeoPoint p = u.preschool().location();
            minLat = Math.min(minLat, p.latitude());
            maxLat = Math.max(maxLat, p.latitude());
            minLon = Math.min(minLon, p.longitude());
            maxLon = Math.max(maxLon, p.longitude());
        }
        if (input.units().isEmpty()) {
            minLat = maxLat = minLon = maxLon = 0;
        }
        double cos = Math.cos(Math.toRadians((minLat + maxLat) / 2));
        double spanX = Math.max(1e-9, (maxLon - minLon) * cos);
        double spanY = Math.max(1e-9, maxLat - minLat);
        double margin = 12;
        double scale = Math.min((width - 2 * margin) / spanX, (height - 2 * margin) / spanY);
        double offX = (width - spanX * scale) / 2;
        double offY = (height - spanY * scale) / 2;
        final double fMinLon = minLon, fMaxLat = maxLat;
        java.util.function.Function<GeoPoint, double[]> project = p -> new double[] {offX + (p.longitude() - fMinLon) * cos * scale,
                offY + (fMaxLat - p.latitude()) * scale};
        Map<String, Integer> teamOf = new HashMap<>();
        List<Team> current = input.currentTeams();
        for (int t = 0; t < current.size(); t++) {
            Team team = current.get(t);
            for (String u : team.units()) {
                teamOf.put(u, t);
            }
            double[] xy = team.base() == null ? new double[] {Double.NaN, Double.NaN} : project.apply(team.base());
            teams.add(new TeamMark(team, color(t), xy[0], xy[1], team.units().size()));
        }
        for (AllocationUnit u : input.units()) {
            double[] xy = project.apply(u.preschool().location());
            dots.add(new Dot(xy[0], xy[1], u.code(), teamOf.getOrDefault(u.code(), -1)));
        }
    }

    /** The team's colour as RRGGBB: hues spread by the golden ratio so that neighbouring teams differ. */
    static String color(int team) {
        float hue = (float) ((team * 0.6180339887) % 1.0);
        int rgb = Color.HSBtoRGB(hue, team % 2 == 0 ? 0.75f : 0.55f, team % 3 == 0 ? 0.80f : 0.65f) & 0xFFFFFF;
        return String.format(Locale.ROOT, "%06X", rgb);
    }

    public List<TeamMark> teams() {
        return teams;
    }

    public List<Dot> dots() {
        return dots;
    }

    public long unserved() {
        return dots.stream().filter(d -> d.team() < 0).count();
    }

    /** The map as a PNG. */
    public byte[] png() {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            g.setColor(new Color(0xCCCCCC));
            g.draw(new Rectangle2D.Double(0.5, 0.5, width - 1, height - 1));
            for (Dot d : dots) {
                if (d.team() < 0) {
                    g.setColor(new Color(0x888888));
                    g.setStroke(new BasicStroke(1f));
                    g.draw(new Line2D.Double(d.x() - 2.5, d.y() - 2.5, d.x() + 2.5, d.y() + 2.5));
                    g.draw(new Line2D.Double(d.x() - 2.5, d.y() + 2.5, d.x() + 2.5, d.y() - 2.5));
                } else {
                    g.setColor(new Color(Integer.parseInt(teams.get(d.team()).color(), 16)));
                    g.fill(new Ellipse2D.Double(d.x() - 2.5, d.y() - 2.5, 5, 5));
                }
            }
            for (TeamMark t : teams) {
                if (!Double.isNaN(t.x())) {
                    g.setColor(new Color(Integer.parseInt(t.color(), 16)));
                    g.fill(new Rectangle2D.Double(t.x() - 4, t.y() - 4, 8, 8));
                    g.setColor(Color.BLACK);
                    g.setStroke(new BasicStroke(1.2f));
                    g.draw(new Rectangle2D.Double(t.x() - 4, t.y() - 4, 8, 8));
                }
            }
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The map as an SVG element (inline in HTML), with a title per unit and team for screen readers and hovering. */
    public String svg() {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"map\" viewBox=\"0 0 %d %d\" width=\"%d\" "
                + "height=\"%d\" role=\"img\" aria-label=\"Map of units and teams / 單位及隊伍地圖\">", width, height, width, height));
        b.append(String.format(Locale.ROOT, "<rect x=\"0.5\" y=\"0.5\" width=\"%d\" height=\"%d\" fill=\"#fff\" stroke=\"#ccc\"/>", width - 1, height - 1));
        for (Dot d : dots) {
            if (d.team() < 0) {
                b.append(String.format(Locale.ROOT, "<path d=\"M%.1f %.1fl5 5m0 -5l-5 5\" stroke=\"#888\" fill=\"none\"><title>%s (unserved)</title></path>",
                        d.x() - 2.5, d.y() - 2.5, Html.escape(d.unit())));
            } else {
                b.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"2.5\" fill=\"#%s\"><title>%s: %s</title></circle>",
                        d.x(), d.y(), teams.get(d.team()).color(), Html.escape(d.unit()), Html.escape(teams.get(d.team()).team().id())));
            }
        }
        for (TeamMark t : teams) {
            if (!Double.isNaN(t.x())) {
                b.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"8\" height=\"8\" fill=\"#%s\" stroke=\"#000\"><title>%s base</title></rect>",
                        t.x() - 4, t.y() - 4, t.color(), Html.escape(t.team().id())));
            }
        }
        return b.append("</svg>").toString();
    }
}
