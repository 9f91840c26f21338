package io.github.xinfang.time;

import io.github.xinfang.time.Obligation.ClockId;
import io.github.xinfang.persistence.XinfangException;


import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The profiles a portal offers, by id. The shipped ones ({@link #shipped()}) are {@code national-2022}
 * (the default), {@code zhejiang-2016}, {@code henan-2012}, {@code shandong-2015} (termination provided),
 * {@code simplified-2016} (简易办理) and {@code fast-track-123} ("1-2-3"): copy one to write your own.
 *
 * <p>A profile is a JSON document:
 * <pre>{@code
 * {"id": "zhejiang-2016", "name": "...", "terminationProvided": false, "maxExtensionDays": 60,
 *  "clocks": [{"clock": "HANDLING", "length": 30, "count": "days", "warnDays": 5, "categories": ["CLAIM"]},
 *             {"clock": "ACCEPTANCE", "length": 5, "count": "working-days"}, ...]}
 * }</pre>
 * {@code clock} names a {@link ClockId}; {@code count} is {@code days} (calendar days) or {@code working-days};
 * optional {@code warnDays} (0), {@code categories} (all), {@code countsStartDay} (false),
 * {@code rollsToWorkingDay} (true) and a free {@code source} note. The three windows are required. A clock lasts
 * at least 1 day and its warning window is shorter than its length. A document is at most 1 MiB, nested at most
 * 16 deep, holds one JSON value and nothing after it; ids have at most 64 characters (no whitespace), names 200.
 * Immutable and thread-safe.
 *
 * @since 0.1
 */
public final class ProfileCatalogue {
    private static final String FOLDER = "/io/github/xinfang/time/profiles/";

    private final Map<String, Profile> profiles;

    private ProfileCatalogue(Map<String, Profile> profiles) {
        this.profiles = profiles;
    }

    /**
     * @return the profiles shipped with the library
     * @throws ProfileDataException if a shipped resource is missing or malformed
     */
    public static ProfileCatalogue shipped() {
        List<Profile> list = new ArrayList<>();
        for (String name : index()) list.add(resource(name));
        return of(list);
    }

    /**
     * @param profiles the profiles, ids unique
     * @return a catalogue of exactly these
     * @throws IllegalArgumentException on a duplicate id
     */
    public static ProfileCatalogue of(Collection<Profile> profiles) {
        Objects.requireNonNull(profiles, "profiles");
        Map<String, Profile> m = new LinkedHashMap<>();
        for (Profile p : profiles) {
            Objects.requireNonNull(p, "profiles element");
            if (m.put(p.id(), p) != null) throw new IllegalArgumentException("profiles: duplicate id " + p.id());
        }
        return new ProfileCatalogue(java.util.Collections.unmodifiableMap(m));
    }

    /**
     * Reads one profile from JSON.
     *
     * @param reader the JSON text, opened (and closed) by the caller
     * @param source a name for messages
     * @return the profile
     * @throws ProfileDataException naming the source and the field on any problem
     */
    public static Profile read(Reader reader, String source) {
        return ProfileJson.read(Objects.requireNonNull(reader, "reader"), Objects.requireNonNull(source, "source"));
    }

    /**
     * @param more profiles to add or replace (by id)
     * @return a catalogue with these profiles too
     */
    public ProfileCatalogue with(Profile... more) {
        Map<String, Profile> m = new LinkedHashMap<>(profiles);
        for (Profile p : more) m.put(Objects.requireNonNull(p, "more element").id(), p);
        return new ProfileCatalogue(java.util.Collections.unmodifiableMap(m));
    }

    /**
     * @param id a profile id
     * @return the profile, if known
     */
    public Optional<Profile> get(String id) {
        return id == null ? Optional.empty() : Optional.ofNullable(profiles.get(id));
    }

    /** @return every profile, in the order added */
    public Collection<Profile> all() {
        return profiles.values();
    }

    private static List<String> index() {
        List<String> names = new ArrayList<>();
        try (BufferedReader r = open(FOLDER + "index.txt")) {
            String line;
            while ((line = r.readLine()) != null) {
                line = line.strip();
                if (!line.isEmpty() && !line.startsWith("#")) names.add(line);
            }
        } catch (IOException e) {
            throw new ProfileCatalogue.ProfileDataException(FOLDER + "index.txt", "could not be read", e);
        }
        return names;
    }

    private static Profile resource(String name) {
        try (BufferedReader r = open(FOLDER + name)) {
            return ProfileJson.read(r, FOLDER + name);
        } catch (IOException e) {
            throw new ProfileCatalogue.ProfileDataException(FOLDER + name, "could not be read", e);
        }
    }

    private static BufferedReader open(String path) {
        InputStream in = ProfileCatalogue.class.getResourceAsStream(path);
        if (in == null) throw new ProfileCatalogue.ProfileDataException(path, "resource missing from the classpath", null);
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    }

    /**
     * A profile resource or file could not be read: malformed JSON, an unknown clock or unit, a missing
     * window. Names the source and the place; never a raw parser exception.
     *
     * @since 0.1
     */
    public static final class ProfileDataException extends XinfangException {
        private static final long serialVersionUID = 1L;

        /**
         * @param source the resource or file name
         * @param problem what is wrong and where
         * @param cause the underlying failure, or null
         */
        ProfileDataException(String source, String problem, Throwable cause) {
            super("profile data " + source + ": " + problem, cause);
        }
    }
}
