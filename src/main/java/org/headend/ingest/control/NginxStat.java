package org.headend.ingest.control;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.headend.stream.entity.InputInfo;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads nginx-rtmp's {@code rtmp_stat} XML: for each stream being published in the {@code live}
 * application, what its publisher sends (codecs, size, frame rate, incoming bitrate) and the client
 * id nginx-rtmp gave the publisher; and for every stream there, published or awaited, how many
 * players it has.
 */
public final class NginxStat {

    private NginxStat() {}

    public static Map<String, InputInfo> publishedStreams(String xml) {
        Map<String, InputInfo> streams = new HashMap<>();
        for (Element stream : liveStreams(xml)) {
            if (child(stream, "publishing") != null) {
                streams.put(text(stream, "name"), input(stream));
            }
        }
        return streams;
    }

    /**
     * The client id of each stream's publisher, by stream name: what nginx-rtmp's callbacks for
     * that publisher carry as {@code clientid}. A publisher not listed yet is left out.
     */
    public static Map<String, String> publisherClients(String xml) {
        Map<String, String> clients = new HashMap<>();
        for (Element stream : liveStreams(xml)) {
            for (Node n = stream.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Element client
                        && client.getTagName().equals("client")
                        && child(client, "publishing") != null
                        && text(client, "id") != null) {
                    clients.put(text(stream, "name"), text(client, "id"));
                }
            }
        }
        return clients;
    }

    /**
     * How many clients play (rather than publish) each stream and connected at most {@code
     * joinedWithin} ago, including a stream nobody publishes yet: nginx-rtmp keeps a player of an
     * unpublished name waiting and lists it.
     */
    public static Map<String, Integer> players(String xml, Duration joinedWithin) {
        Map<String, Integer> players = new HashMap<>();
        for (Element stream : liveStreams(xml)) {
            int count = 0;
            for (Node n = stream.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Element client
                        && client.getTagName().equals("client")
                        && child(client, "publishing") == null
                        // nginx-rtmp's <time> of a client: milliseconds since it connected.
                        && number(client, "time") <= joinedWithin.toMillis()) {
                    count++;
                }
            }
            players.put(text(stream, "name"), count);
        }
        return players;
    }

    /** The {@code stream} elements of the {@code live} application. */
    private static List<Element> liveStreams(String xml) {
        try {
            var factory = DocumentBuilderFactory.newInstance();
            factory.setExpandEntityReferences(false);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            var builder = factory.newDocumentBuilder();
            // Malformed XML is reported through the exception below, not printed to stderr.
            builder.setErrorHandler(new DefaultHandler());
            var doc = builder.parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
            List<Element> streams = new ArrayList<>();
            NodeList applications = doc.getElementsByTagName("application");
            for (int a = 0; a < applications.getLength(); a++) {
                Element application = (Element) applications.item(a);
                Element live = child(application, "live");
                if (!IngestEndpoints.APPLICATION.equals(text(application, "name")) || live == null) {
                    continue;
                }
                for (Node n = live.getFirstChild(); n != null; n = n.getNextSibling()) {
                    if (n instanceof Element stream && stream.getTagName().equals("stream")) {
                        streams.add(stream);
                    }
                }
            }
            return streams;
        } catch (Exception e) {
            throw new IllegalArgumentException("Unreadable rtmp_stat XML: " + e.getMessage(), e);
        }
    }

    private static InputInfo input(Element stream) {
        Element meta = child(stream, "meta");
        Element video = meta == null ? null : child(meta, "video");
        Element audio = meta == null ? null : child(meta, "audio");
        return new InputInfo(
                video == null ? null : text(video, "codec"),
                audio == null ? null : text(audio, "codec"),
                (int) number(video, "width"),
                (int) number(video, "height"),
                number(video, "frame_rate"),
                (long) (number(stream, "bw_in") / 1000),
                (long) (number(stream, "bw_video") / 1000),
                meta == null || (audio != null && text(audio, "codec") != null));
    }

    private static Element child(Element parent, String name) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) {
                return e;
            }
        }
        return null;
    }

    private static String text(Element parent, String name) {
        Element e = child(parent, name);
        if (e == null) {
            return null;
        }
        String value = e.getTextContent().trim();
        return value.isEmpty() ? null : value;
    }

    private static double number(Element parent, String name) {
        String value = parent == null ? null : text(parent, name);
        try {
            return value == null ? 0 : Double.parseDouble(value);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
