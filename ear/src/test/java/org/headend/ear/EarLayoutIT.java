package org.headend.ear;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;

/**
 * The data source class and the PostgreSQL driver are in the EAR once, in lib/: Payara Server
 * loads the class with the EAR's class loader while it deploys, and a second copy in the WAR would
 * be a second class of the same name.
 */
class EarLayoutIT {

    private static final String DATASOURCE_CLASS = "org/headend/platform/db/HeadendDataSource.class";

    @Test
    void theDataSourceJarAndTheDriverAreInLibAndNowhereElse() throws IOException {
        try (var ear = new ZipFile(Path.of(System.getProperty("headend.ear")).toFile())) {
            List<String> everything = new ArrayList<>();
            List<String> copies = new ArrayList<>();
            for (ZipEntry entry : ear.stream().toList()) {
                everything.add(entry.getName());
                if (entry.getName().endsWith(".jar") || entry.getName().endsWith(".war")) {
                    try (var archive = new ZipInputStream(ear.getInputStream(entry))) {
                        copies.addAll(inside(entry.getName(), archive));
                    }
                }
            }

            assertTrue(
                    everything.stream().anyMatch(n -> n.matches("lib/postgresql-[0-9.]+\\.jar")), everything::toString);
            List<String> classes =
                    copies.stream().filter(c -> c.endsWith(DATASOURCE_CLASS)).toList();
            assertEquals(1, classes.size(), classes::toString);
            assertTrue(classes.get(0).matches("lib/headend-datasource-[^/!]+\\.jar!.*"), classes::toString);
            assertEquals(
                    List.of(),
                    copies.stream()
                            .filter(c -> c.startsWith("headend.war!WEB-INF/lib/postgresql-")
                                    || c.startsWith("headend.war!WEB-INF/lib/headend-datasource-"))
                            .toList(),
                    "the WAR in the EAR carries neither jar");
        }
    }

    /** Entries of a nested archive as {@code outer!inner}, one level deep, plus nested jars' classes. */
    private static List<String> inside(String outer, ZipInputStream archive) throws IOException {
        List<String> names = new ArrayList<>();
        for (ZipEntry entry = archive.getNextEntry(); entry != null; entry = archive.getNextEntry()) {
            names.add(outer + "!" + entry.getName());
            if (entry.getName().endsWith(".jar")) {
                names.addAll(classesOf(outer + "!" + entry.getName(), archive));
            }
        }
        return names;
    }

    private static List<String> classesOf(String name, InputStream jar) throws IOException {
        List<String> names = new ArrayList<>();
        // Not closed: closing would close the archive it is read from.
        var nested = new ZipInputStream(jar);
        for (ZipEntry entry = nested.getNextEntry(); entry != null; entry = nested.getNextEntry()) {
            if (entry.getName().equals(DATASOURCE_CLASS)) {
                names.add(name + "!" + entry.getName());
            }
        }
        return names;
    }
}
