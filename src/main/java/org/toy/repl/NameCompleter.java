package org.toy.repl;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;
import org.toy.builtins.Protocols;
import org.toy.runtime.ToyError;
import org.toy.runtime.ToyModule;
import org.toy.runtime.ToyObject;
import org.toy.runtime.ToyStr;
import org.toy.runtime.ToyType;
import org.toy.source.ToySyntaxError;

/**
 * Tab completion in the manner of CPython's {@code rlcompleter}. A plain word completes to the
 * session's globals, the built-ins and the keywords; {@code a.b.pre} completes to the
 * attributes of the value {@code a.b}: a module's members, or the names in the type's dict
 * and its bases'. The value is found by looking names up, never by running code, so a Tab
 * cannot have side effects. Callables complete with {@code (} as in rlcompleter, and names
 * starting with {@code _} are offered only once the user has typed the underscore.
 */
final class NameCompleter implements Completer {
    private final Session session;

    NameCompleter(Session session) { this.session = session; }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        // Not with the GIL: JLine holds its lock here, and a thread that prints holds the GIL while
        // it waits for that lock (PromptOutput). Threads started at the prompt may change a
        // namespace while it is read; then there is nothing to offer this time.
        try {
            candidates.addAll(candidates(line.word()));
        } catch (RuntimeException e) {
            // A namespace changed under us, or a value whose attributes cannot be listed.
        }
    }

    List<Candidate> candidates(String word) {
        if (word.isEmpty() || Character.isDigit(word.charAt(0))) return List.of();
        int dot = word.lastIndexOf('.');
        return dot < 0 ? globalNames(word) : attributeNames(word.substring(0, dot), word.substring(dot + 1));
    }

    private List<Candidate> globalNames(String prefix) {
        List<Candidate> out = new ArrayList<>();
        for (String keyword : new TreeSet<>(Keywords.ALL)) {
            if (keyword.startsWith(prefix)) {
                // A space after "if " or "import ", none after "None", which is a value.
                out.add(candidate(keyword, keyword, !Keywords.VALUES.contains(keyword)));
            }
        }
        TreeSet<String> seen = new TreeSet<>(Keywords.ALL);
        addNames(out, seen, session.globals().map, prefix, "");
        addNames(out, seen, session.interpreter().builtinsDict().map, prefix, "");
        return out;
    }

    private void addNames(List<Candidate> out, TreeSet<String> seen, Map<ToyObject, ToyObject> namespace, String prefix,
            String qualifier) {
        for (var entry : new TreeSet<>(names(namespace))) {
            if (entry.startsWith(prefix) && seen.add(entry)) {
                ToyObject value = namespace.get(ToyStr.of(entry));
                out.add(candidate(qualifier + entry + (value != null && Protocols.isCallable(value) ? "(" : ""), entry,
                        false));
            }
        }
    }

    private static List<String> names(Map<ToyObject, ToyObject> namespace) {
        List<String> names = new ArrayList<>();
        for (ToyObject key : namespace.keySet()) {
            if (key instanceof ToyStr) names.add(key.str());
        }
        return names;
    }

    private List<Candidate> attributeNames(String owner, String prefix) {
        ToyObject value = resolve(owner);
        if (value == null) return List.of();
        List<Candidate> out = new ArrayList<>();
        TreeSet<String> names = new TreeSet<>();
        if (value instanceof ToyModule m) {
            names.addAll(names(m.globals().map));
        } else {
            for (ToyType t = value instanceof ToyType type ? type : value.type(); t != null; t = t.base()) {
                names.addAll(t.dict().keySet());
            }
        }
        for (String name : names) {
            if (!name.startsWith(prefix) || name.startsWith("_") && !prefix.startsWith("_")) continue;
            out.add(candidate(owner + "." + name + (isCallableAttribute(value, name) ? "(" : ""), name, false));
        }
        return out;
    }

    private static boolean isCallableAttribute(ToyObject owner, String name) {
        try {
            return Protocols.isCallable(owner.getAttr(name));
        } catch (ToyError e) {
            return false;
        }
    }

    /** The value of a dotted name such as {@code os.path}, or Java null if any part is missing. */
    private ToyObject resolve(String dotted) {
        String[] parts = dotted.split("\\.", -1);
        ToyObject value = session.lookup(parts[0]);
        try {
            for (int i = 1; i < parts.length && value != null; i++) value = value.getAttr(parts[i]);
        } catch (ToyError | ToySyntaxError e) {
            return null;
        }
        return value;
    }

    private static Candidate candidate(String value, String display, boolean complete) {
        return new Candidate(value, display, null, null, null, null, complete);
    }
}
