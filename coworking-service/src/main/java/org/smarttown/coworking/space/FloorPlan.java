package org.smarttown.coworking.space;

import java.util.List;

/**
 * Draws a floor as SVG from the spaces' positions, so the plan always shows the spaces that exist
 * (no hand-drawn file to keep in step). Each space is a group with id "space-CODE" that a page can
 * colour by availability.
 */
final class FloorPlan {

    static final int WIDTH = 1200;
    static final int HEIGHT = 800;

    private FloorPlan() {
    }

    static String svg(int floor, List<Space> spaces) {
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
                .append("\" width=\"").append(WIDTH).append("\" height=\"").append(HEIGHT).append("\">\n");
        svg.append("  <title>Floor ").append(floor).append("</title>\n");
        svg.append("  <rect x=\"0\" y=\"0\" width=\"").append(WIDTH).append("\" height=\"").append(HEIGHT)
                .append("\" fill=\"#fafafa\" stroke=\"#333\" stroke-width=\"4\"/>\n");
        for (Space s : spaces) {
            int w = switch (s.type) {
                case DESK -> 60;
                case BOOTH -> 50;
                case MEETING_ROOM -> 160;
            };
            int h = s.type == SpaceType.MEETING_ROOM ? 120 : w;
            svg.append("  <g id=\"space-").append(escape(s.code)).append("\" data-space-id=\"").append(s.id)
                    .append("\" data-type=\"").append(s.type).append("\">\n");
            svg.append("    <rect x=\"").append(s.x).append("\" y=\"").append(s.y).append("\" width=\"").append(w)
                    .append("\" height=\"").append(h).append("\" fill=\"#e3f2fd\" stroke=\"#1565c0\"/>\n");
            svg.append("    <text x=\"").append(s.x + 4).append("\" y=\"").append(s.y + 16)
                    .append("\" font-size=\"12\">").append(escape(s.code)).append("</text>\n");
            svg.append("    <title>").append(escape(s.name)).append(" (").append(s.capacity).append(")</title>\n");
            svg.append("  </g>\n");
        }
        return svg.append("</svg>\n").toString();
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
