package com.storyloop.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class SvgChartTest {

    private static String render() {
        double[] seconds = {1, 2, 3, 4};
        SvgChart.Panel throughput = new SvgChart.Panel("Revisions accepted per second", "revisions/s", false,
                List.of(new SvgChart.Series("accepted", "#0072B2", seconds, new double[] {40, 60, 55, 58})), List.of(500.0));
        SvgChart.Panel latency = new SvgChart.Panel("p99 latency", "ms", true,
                List.of(new SvgChart.Series("write <p99> & more", "#E69F00", seconds, new double[] {12, Double.NaN, 2400, 35})), List.of(50.0));
        return SvgChart.render("A run", List.of(throughput, latency), List.of(new SvgChart.Mark(2, "measured window starts")));
    }

    @Test
    void givenTwoPanels_whenRendered_thenTheSvgIsWellFormedXmlWithALineAndLegendPerSeries() throws Exception {
        String svg = render();

        Document document = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes()));

        assertThat(document.getDocumentElement().getNodeName()).isEqualTo("svg");
        assertThat(document.getElementsByTagName("polyline").getLength()).isEqualTo(2);
        assertThat(svg).contains("write &lt;p99&gt; &amp; more").contains("measured window starts").contains("target 500").contains("log scale");
    }

    @Test
    void givenAMissingValue_whenRendered_thenTheLineSkipsItInsteadOfDrawingNaN() {
        String svg = render();

        assertThat(svg).doesNotContain("NaN");
        String latencyLine = svg.lines().filter(l -> l.contains("polyline") && l.contains("#E69F00")).findFirst().orElseThrow();
        assertThat(latencyLine.split("points=\"")[1].split("\"")[0].trim().split(" ")).hasSize(3);
    }
}
