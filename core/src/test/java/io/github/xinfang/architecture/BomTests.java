package io.github.xinfang.architecture;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code xinfang-bom} lists every published module of the reactor at the reactor's version, and nothing else: a module
 * is published unless its POM sets {@code maven.deploy.skip} (the examples and the benchmarks). The BOM has no parent,
 * so that importing it brings in none of the parent's own dependency management.
 */
class BomTests {
    /** The reactor's root, relative to the core module (surefire's working directory). */
    private static final Path ROOT = Path.of("..");

    @Test
    void theBomListsEveryPublishedModuleAtTheReactorsVersionAndNothingElse() throws Exception {
        Element root = read(ROOT.resolve("pom.xml"));
        String version = text(root, "version");
        Map<String, String> published = new TreeMap<>();
        for (String module : texts(child(root, "modules"), "module")) {
            if (module.equals("bom")) continue;
            Element pom = read(ROOT.resolve(module).resolve("pom.xml"));
            Element properties = child(pom, "properties");
            boolean skipped = properties != null && "true".equals(text(properties, "maven.deploy.skip"));
            if (!skipped) published.put(text(pom, "artifactId"), version);
        }
        assertThat(published).as("published modules").containsKeys("xinfang-core", "xinfang-persistence-spi",
                "xinfang-persistence-tck", "xinfang-persistence-jdbc");

        Element bom = read(ROOT.resolve("bom").resolve("pom.xml"));
        assertThat(child(bom, "parent")).as("the BOM has no parent").isNull();
        assertThat(text(bom, "version")).isEqualTo(version);
        assertThat(text(bom, "packaging")).isEqualTo("pom");
        Map<String, String> listed = new TreeMap<>();
        Element dependencies = child(child(bom, "dependencyManagement"), "dependencies");
        for (Element d : children(dependencies, "dependency")) {
            assertThat(text(d, "groupId")).isEqualTo("io.github.xinfang");
            assertThat(listed.put(text(d, "artifactId"), text(d, "version"))).as("listed once: %s", text(d, "artifactId")).isNull();
        }
        assertThat(listed).isEqualTo(published);
    }

    private static Element read(Path pom) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document doc = f.newDocumentBuilder().parse(pom.toFile());
        return doc.getDocumentElement();
    }

    /** @return the direct child element of that name, or null */
    private static Element child(Element parent, String name) {
        List<Element> all = children(parent, name);
        return all.isEmpty() ? null : all.get(0);
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> out = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            Node n = nodes.item(i);
            if (n instanceof Element e && e.getTagName().equals(name)) out.add(e);
        }
        return out;
    }

    private static String text(Element parent, String name) {
        Element e = child(parent, name);
        return e == null ? null : e.getTextContent().trim();
    }

    private static List<String> texts(Element parent, String name) {
        List<String> out = new ArrayList<>();
        for (Element e : children(parent, name)) out.add(e.getTextContent().trim());
        return out;
    }
}
