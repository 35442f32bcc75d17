package org.toy.runtime;

import org.toy.vm.ThreadState;

/**
 * {@code str.format} and {@code str.format_map} ({@code Objects/stringlib/unicode_format.h}):
 * replacement fields {@code {name.attr[key]!conv:spec}} with automatic or manual numbering and
 * nested fields inside the spec.
 */
final class StrFormat {
    private StrFormat() {}

    /**
     * Formats {@code fmt} with the positional arguments {@code args[first ..]} and keyword
     * arguments; with {@code mapping} non-null (format_map), names are looked up there instead.
     */
    static String format(ThreadState ts, String fmt, ToyObject[] args, String[] kwNames, int first, ToyObject mapping) {
        return new Run(args, kwNames, first, mapping).render(fmt, 2);
    }

    private static final class Run {
        private final ToyObject[] args;
        private final String[] kwNames;
        private final int first;
        private final int positional;
        private final ToyObject mapping;
        /** Automatic numbering state: -1 before any field, then the next auto index; MANUAL once an index was given. */
        private int auto = -1;
        private static final int MANUAL = -2;

        Run(ToyObject[] args, String[] kwNames, int first, ToyObject mapping) {
            this.args = args;
            this.kwNames = kwNames;
            this.first = first;
            this.positional = args.length - kwNames.length - first;
            this.mapping = mapping;
        }

        String render(String fmt, int depth) {
            if (depth <= 0) throw Errors.valueError("Max string recursion exceeded");
            StringBuilder out = new StringBuilder(fmt.length() + 16);
            int i = 0, n = fmt.length();
            while (i < n) {
                char c = fmt.charAt(i);
                if (c == '}') {
                    if (i + 1 < n && fmt.charAt(i + 1) == '}') {
                        out.append('}');
                        i += 2;
                        continue;
                    }
                    throw Errors.valueError("Single '}' encountered in format string");
                }
                if (c != '{') {
                    out.append(c);
                    i++;
                    continue;
                }
                if (i + 1 < n && fmt.charAt(i + 1) == '{') {
                    out.append('{');
                    i += 2;
                    continue;
                }
                if (i + 1 >= n) throw Errors.valueError("Single '{' encountered in format string");
                // Find the matching close brace, counting nested fields in the spec.
                int j = i + 1, braces = 1, brackets = 0;
                for (; j < n; j++) {
                    char f = fmt.charAt(j);
                    if (f == '[') brackets++;
                    else if (f == ']' && brackets > 0) brackets--;
                    else if (f == '{' && brackets == 0) braces++;
                    else if (f == '}' && brackets == 0 && --braces == 0) break;
                }
                if (j >= n) throw Errors.valueError("expected '}' before end of string");
                out.append(field(fmt.substring(i + 1, j), depth));
                i = j + 1;
            }
            return out.toString();
        }

        /** One replacement field's text, without its braces. */
        private String field(String field, int depth) {
            int end = 0, brackets = 0;
            for (; end < field.length(); end++) {
                char c = field.charAt(end);
                if (c == '[') brackets++;
                else if (c == ']') brackets--;
                else if (brackets == 0 && (c == '!' || c == ':')) break;
            }
            String name = field.substring(0, end);
            char conversion = 0;
            String spec = "";
            if (end < field.length() && field.charAt(end) == '!') {
                if (end + 1 >= field.length()) throw Errors.valueError("unmatched '{' in format spec");
                conversion = field.charAt(end + 1);
                end += 2;
                if (end < field.length() && field.charAt(end) != ':') {
                    throw Errors.valueError("expected ':' after conversion specifier");
                }
            }
            if (end < field.length()) spec = field.substring(end + 1);
            ToyObject value = lookup(name);
            switch (conversion) {
                case 0: break;
                case 'r': value = ToyStr.of(Ops.repr(value)); break;
                case 's': value = ToyStr.of(value.str()); break;
                case 'a': value = ToyStr.of(Strings.ascii(Ops.repr(value))); break;
                default: throw Errors.valueError("Unknown conversion specifier " + conversion);
            }
            if (spec.indexOf('{') >= 0) spec = render(spec, depth - 1);
            return value.format(spec);
        }

        /** Resolves {@code arg_name ("." attr | "[" key "]")*}. */
        private ToyObject lookup(String name) {
            int i = 0;
            while (i < name.length() && name.charAt(i) != '.' && name.charAt(i) != '[') i++;
            String head = name.substring(0, i);
            ToyObject value;
            if (head.isEmpty()) {
                if (auto == MANUAL) {
                    throw Errors.valueError("cannot switch from manual field specification to automatic field numbering");
                }
                value = positionalArg(auto < 0 ? (auto = 0) : auto);
                auto++;
            } else if (isDigits(head)) {
                if (auto >= 0) {
                    throw Errors.valueError("cannot switch from automatic field numbering to manual field specification");
                }
                auto = MANUAL;
                value = positionalArg(Integer.parseInt(head));
            } else {
                value = keywordArg(head);
            }
            while (i < name.length()) {
                char c = name.charAt(i);
                if (c == '.') {
                    int j = ++i;
                    while (i < name.length() && name.charAt(i) != '.' && name.charAt(i) != '[') i++;
                    if (i == j) throw Errors.valueError("Empty attribute in format string");
                    value = value.getAttr(name.substring(j, i));
                } else if (c == '[') {
                    int close = name.indexOf(']', i);
                    if (close < 0) throw Errors.valueError("Missing ']' in format string");
                    String key = name.substring(i + 1, close);
                    if (key.isEmpty()) throw Errors.valueError("Empty attribute in format string");
                    value = value.getItem(isDigits(key) ? ToyInt.of(Long.parseLong(key)) : ToyStr.of(key));
                    i = close + 1;
                    if (i < name.length() && name.charAt(i) != '.' && name.charAt(i) != '[') {
                        throw Errors.valueError("Only '.' or '[' may follow ']' in format field specifier");
                    }
                } else {
                    throw Errors.valueError("Only '.' or '[' may follow ']' in format field specifier");
                }
            }
            return value;
        }

        private ToyObject positionalArg(int index) {
            if (mapping != null) throw Errors.valueError("Format string contains positional fields");
            if (index >= positional) {
                throw Errors.indexError("Replacement index " + index + " out of range for positional args tuple");
            }
            return args[first + index];
        }

        private ToyObject keywordArg(String name) {
            if (mapping != null) return mapping.getItem(ToyStr.of(name));
            int base = args.length - kwNames.length;
            for (int k = 0; k < kwNames.length; k++) if (kwNames[k].equals(name)) return args[base + k];
            throw Errors.keyError(ToyStr.of(name));
        }

        private static boolean isDigits(String s) {
            if (s.isEmpty() || s.length() > 9) return false;
            for (int i = 0; i < s.length(); i++) if (s.charAt(i) < '0' || s.charAt(i) > '9') return false;
            return true;
        }
    }
}
