// Groups a V8 CPU profile of the engine by phase: where a classification's time goes, as the
// performance issue asks (reading, decoding, parsing, hashing ids, aggregation, scoring,
// copying to JS), by each sampled function's self time. The wasm must carry its function
// names: build it with `emcmake cmake -B build/wasm-prof -DCMAKE_EXE_LINKER_FLAGS=--profiling-funcs`
// (its build copies it into web/dist/: build the normal one again afterwards), then
//   node --cpu-prof --cpu-prof-dir=DIR bench/phases.mjs --rows 1000000 --runs 3
//   node bench/profile-summary.mjs DIR/*.cpuprofile [--top 15]
// Functions no pattern claims are listed under "other" with the largest named.
import { readFileSync } from 'node:fs';

const PHASES = [
  ['reading the file (Node fs)', /^(read|readSync|closeSync|openSync)$/],
  ['copying bytes into wasm memory', /toWireType|copyIn|chunkBuffer|memcpy_big|^__memcpy$|^memcpy$|feedChunk|std::string.*__init|basic_string<char.*>::basic_string\(/],
  ['decoding (UTF-8 check, encoding guess)', /Transcoder|text_encoding|guess_text_encoding|utf8/i],
  ['splitting records and fields', /^memchr$|CsvSplitter|split_fields|scan_for_record_end|count_line_breaks|find_record_end/],
  // Building small strings was the amount parser's (its ASCII copy and digits), before.
  ['parsing dates and amounts', /basic_string<char.*>::(push_back|reserve|append)\(|parse_order_date|parse_amount|parse_decimal|to_ascii_forms|ascii_lower|remove_prefix|remove_suffix|remove_currency|plain_digits|days_from_civil|Cursor|without_weekday|read_amount|to_micros|rescale|anonymous namespace\)::finish/],
  ['hashing customer and order ids', /CustomerIdIndex|OrderKeySet|hash_bytes|_Hashtable|__hash_table|unordered_|murmur|cityhash|__string_hash|find_or_add_customer/],
  ['aggregating per customer (and the order log)', /OrderIngest::(read_order|add_to_customer|keep_order|read_attributes|on_record|move_totals)|add_without_orders|trim_spaces|^memcmp$/],
  ['growing, clearing and freeing memory', /~OrderIngest|^memset$|^(dl)?malloc$|^(dl)?free$|realloc|operator new|operator delete|vector<.*>::(__append|__push_back_slow_path|__emplace_back_slow_path|reserve)|sbrk|emscripten_resize_heap/],
  ['scoring, segments, tiers (finish)', /classify|Classification|quantile|rfm|Rfm|segment|Segment|tier|Tier|dimension|Dimension|Condition|__sort|nth_element|is_move_constructible|metrics|lifecycle|abc|Abc|CustomerFields|customer_order/],
  ['results to JS (summary, dashboard, pages)', /summary|Summary|dashboard|Dashboard|json|Json|nlohmann|customer_page|customers_page|customerPage|JSON\.parse|typed_memory_view/],
  ['JS, GC and idle', /^\((garbage collector|idle|program|root)\)$/],
];

const args = process.argv.slice(2);
const topIndex = args.indexOf('--top');
const top = topIndex >= 0 ? Number(args[topIndex + 1]) : 8;
const showOther = args.includes('--other');
const files = args.filter((arg, i) => !arg.startsWith('--') && (topIndex < 0 || i !== topIndex + 1));

const selfByName = new Map();
let total = 0;
for (const file of files) {
  const profile = JSON.parse(readFileSync(file, 'utf8'));
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  profile.samples.forEach((id, i) => {
    const frame = nodes.get(id).callFrame;
    const name = frame.functionName || `(${frame.url.split('/').pop() || 'anonymous'})`;
    const us = profile.timeDeltas[i] ?? 0;
    selfByName.set(name, (selfByName.get(name) ?? 0) + us);
    total += us;
  });
}

const byPhase = new Map([...PHASES.map(([phase]) => [phase, 0]), ['other', 0]]);
const otherNames = new Map();
for (const [name, us] of selfByName) {
  const bare = name.replace(/tierlens::/g, '');  // else /tier/ would claim every function
  const phase = PHASES.find(([, pattern]) => pattern.test(bare))?.[0] ?? 'other';
  byPhase.set(phase, byPhase.get(phase) + us);
  if (phase === 'other') otherNames.set(name, us);
}
console.log(`${files.length} profile(s), ${(total / 1000).toFixed(0)} ms sampled`);
console.log('| phase | ms | share |');
console.log('|---|---:|---:|');
for (const [phase, us] of [...byPhase].sort((a, b) => b[1] - a[1])) {
  if (us === 0) continue;
  console.log(`| ${phase} | ${(us / 1000).toFixed(0)} | ${((100 * us) / total).toFixed(1)} % |`);
}
console.log('');
console.log(`largest functions (self time):`);
for (const [name, us] of [...selfByName].sort((a, b) => b[1] - a[1]).slice(0, top)) {
  console.log(`  ${(us / 1000).toFixed(0).padStart(6)} ms  ${name.replace(/std::__2::basic_string_view<char, std::__2::char_traits<char> >/g, 'string_view').slice(0, 110)}`);
}
if (showOther) {
  console.log('');
  console.log('largest of "other":');
  for (const [name, us] of [...otherNames].sort((a, b) => b[1] - a[1]).slice(0, top)) {
    console.log(`  ${(us / 1000).toFixed(0).padStart(6)} ms  ${name.slice(0, 110)}`);
  }
}
