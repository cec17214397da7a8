// Benchmark (not a test) of URSSAF's official engine on the situations of the
// URSSAF matrix fixture: for each case, a fresh setSituation and the
// evaluation of the ten totals the generator writes as `expected`, with the
// rules as published (unpatched), as tests/oracle/generate.mjs stores them. The whole list is
// repeated until at least MIN_SECONDS have passed. Prints one line:
//   urssaf engine: N situations in S s = R situations/s
//
//   node tests/bench/urssaf_bench.mjs [FIXTURE.json] [MIN_SECONDS]
//
// publicodes and modele-social come from tests/oracle/node_modules (through
// ../oracle/engine.mjs, whose bare imports resolve there): run
// `cd tests/oracle && npm ci` once.

import { existsSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import path from 'node:path'

const here = path.dirname(fileURLToPath(import.meta.url))
const oracle = path.resolve(here, '../oracle')
if (!existsSync(path.join(oracle, 'node_modules', 'publicodes'))) {
	console.error(`${path.join(oracle, 'node_modules')} is missing: run 'cd tests/oracle && npm ci' first`)
	process.exit(1)
}
const { createEngine, evaluateTotals, rulesYearOf, situationOf } = await import(path.join(oracle, 'engine.mjs'))

const fixture = process.argv[2] ?? path.resolve(here, '../payroll/fixtures/urssaf_matrix.json')
const minSeconds = Number(process.argv[3] ?? 5)
const { cases } = JSON.parse(readFileSync(fixture, 'utf8'))
if (!cases?.length) {
	console.error(`no cases in ${fixture}`)
	process.exit(1)
}

const engines = {
	2025: createEngine('2025', { patched: false }),
	2026: createEngine('2026', { patched: false }),
}
// Situations are built once (the mapping is not what is measured); the engine
// work (setSituation + evaluation) is.
const work = cases.map((c) => {
	const e = engines[rulesYearOf(c.input.period)]
	return { engine: e.engine, situation: situationOf(c.input, e.engine.getParsedRules()) }
})
for (const e of Object.values(engines)) e.takeMessages()

let count = 0
let sink = 0
const start = process.hrtime.bigint()
let elapsed = 0
do {
	for (const { engine, situation } of work) {
		engine.setSituation(situation)
		sink += evaluateTotals(engine).employer_cost
		count++
	}
	elapsed = Number(process.hrtime.bigint() - start) / 1e9
} while (elapsed < minSeconds)

const problems = Object.values(engines).flatMap((e) => e.takeMessages())
if (problems.length) console.error(`engine messages:\n${problems.slice(0, 5).join('\n')}`)
if (!Number.isFinite(sink)) console.error('non-finite result')
console.log(`urssaf engine: ${count} situations in ${elapsed.toFixed(2)} s = ${(count / elapsed).toFixed(1)} situations/s`)
