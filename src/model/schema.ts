/**
 * The JSON Schema of the native model format (docs/model-format.md). The published copy
 * schema/stockflow-model.schema.json is generated from this object (npm run schema) and a
 * test keeps the two identical.
 */
export const modelSchema = {
  "$schema": "http://json-schema.org/draft-07/schema#",
  "$id": "https://stockflow.dev/schema/stockflow-model.schema.json",
  "title": "stockflow model",
  "description": "A stock-and-flow model in stockflow's native format (docs/model-format.md).",
  "type": "object",
  "required": ["sim"],
  "additionalProperties": false,
  "properties": {
    "$schema": { "type": "string" },
    "name": { "type": "string" },
    "doc": { "type": "string" },
    "sim": {
      "type": "object",
      "required": ["start", "stop", "dt"],
      "additionalProperties": false,
      "properties": {
        "start": { "type": "number" },
        "stop": { "type": "number" },
        "dt": { "type": "number", "exclusiveMinimum": 0 },
        "saveper": { "type": "number", "exclusiveMinimum": 0 },
        "time_unit": { "type": "string" },
        "time_origin": {
          "type": "string",
          "pattern": "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:\\d{2})$",
          "description": "The calendar date-time with its UTC offset at which time = 0 (e.g. 2020-11-25T00:00-08:00); with a time_unit of second, minute, hour, day or week, charts and tables show clock times."
        },
        "method": { "type": "string" },
        "rtol": { "type": "number", "exclusiveMinimum": 0 },
        "atol": { "type": "number", "exclusiveMinimum": 0 },
        "seed": { "type": "integer", "minimum": 0, "maximum": 4294967295 },
        "hold_inputs": {
          "type": "boolean",
          "description": "true: STEP, RAMP, PULSE and PULSE TRAIN keep their value at the start of each dt through every stage of the integration method, as Vensim does (a model read from a .mdl has it); false or absent: they read the time of each stage."
        },
        "varying": {
          "type": "object",
          "description": "Equations of time and constants for sim fields that change during the run, re-evaluated before every step (Vensim control variables); dt, saveper and stop above are then the values at the start.",
          "additionalProperties": false,
          "minProperties": 1,
          "properties": {
            "dt": { "$ref": "#/definitions/equation" },
            "saveper": { "$ref": "#/definitions/equation" },
            "stop": { "$ref": "#/definitions/equation" }
          }
        }
      }
    },
    "stocks": { "type": "object", "additionalProperties": { "$ref": "#/definitions/stock" } },
    "flows": { "type": "object", "additionalProperties": { "$ref": "#/definitions/flow" } },
    "auxiliaries": { "type": "object", "additionalProperties": { "$ref": "#/definitions/aux" } },
    "constants": { "type": "object", "additionalProperties": { "$ref": "#/definitions/constant" } },
    "lookups": { "type": "object", "additionalProperties": { "$ref": "#/definitions/lookup" } },
    "unit_aliases": {
      "type": "object",
      "description": "Unit synonyms: each unit name with the other names that mean the same unit (Person: [People, Persons]), as Vensim's units equivalences and XMILE's <model_units> aliases. Unit checking reads every alias as its unit.",
      "additionalProperties": { "type": "array", "minItems": 1, "items": { "type": "string", "minLength": 1 } }
    },
    "metrics": { "type": "object", "additionalProperties": { "$ref": "#/definitions/metric" } },
    "trigger": {
      "type": "object",
      "description": "When the event the scenarios intervene on starts (and, optionally, ends), in model time. An intervention that changes the run before `start` is not an experiment on the event; check and compare warn about it.",
      "required": ["start"],
      "additionalProperties": false,
      "properties": {
        "start": { "type": "number" },
        "end": { "type": "number" },
        "doc": { "type": "string" }
      }
    },
    "sectors": {
      "type": "object",
      "description": "Sectors in display order, each listing its variables: a compact alternative to a sector field on every variable.",
      "additionalProperties": { "$ref": "#/definitions/names" }
    },
    "loops": { "type": "object", "additionalProperties": { "$ref": "#/definitions/loop" } },
    "reference": {
      "type": "object",
      "description": "Reference data the model is compared with, as files relative to the model file (the layouts of stockflow calibrate --data).",
      "additionalProperties": false,
      "properties": {
        "events": { "$ref": "#/definitions/files" },
        "series": { "$ref": "#/definitions/files" }
      }
    },
    "scenarios": { "type": "array", "items": { "$ref": "#/definitions/scenario" } }
  },
  "definitions": {
    "equation": { "type": ["string", "number"], "description": "An equation in the language of docs/equations.md, or a number." },
    "names": { "type": "array", "items": { "type": "string" } },
    "files": { "oneOf": [{ "type": "string", "minLength": 1 }, { "type": "array", "minItems": 1, "items": { "type": "string", "minLength": 1 } }] },
    "sector": { "type": "string", "minLength": 1, "description": "The part of the system this variable belongs to; diagrams group variables by sector." },
    "part_of": { "type": "string", "minLength": 1, "description": "The variable whose builtin or macro call made this one (a macro's internal level, a vector's elements): left out of the default output, as Vensim shows no macro internals." },
    "loop": {
      "type": "object",
      "required": ["name", "variables"],
      "additionalProperties": false,
      "properties": {
        "name": { "type": "string" },
        "polarity": { "enum": ["reinforcing", "balancing"] },
        "variables": { "type": "array", "minItems": 1, "items": { "type": "string" }, "description": "Variables the loop passes through; the loop found that passes through all of them with the fewest variables is this loop." },
        "doc": { "type": "string" }
      }
    },
    "common": {
      "doc": { "type": "string" },
      "units": { "type": "string" }
    },
    "table": {
      "type": "object",
      "required": ["points"],
      "additionalProperties": false,
      "properties": {
        "points": {
          "type": "array", "minItems": 1,
          "items": { "type": "array", "minItems": 2, "maxItems": 2, "items": { "type": "number" } }
        },
        "interpolation": { "enum": ["continuous", "discrete", "extrapolate", "forward"] },
        "sector": { "$ref": "#/definitions/sector" },
        "part_of": { "$ref": "#/definitions/part_of" },
        "doc": { "type": "string" },
        "units": { "type": "string" }
      }
    },
    "stock": {
      "type": "object",
      "required": ["initial"],
      "additionalProperties": false,
      "properties": {
        "initial": { "$ref": "#/definitions/equation" },
        "inflows": { "$ref": "#/definitions/names" },
        "outflows": { "$ref": "#/definitions/names" },
        "non_negative": { "type": "boolean" },
        "sector": { "$ref": "#/definitions/sector" },
        "part_of": { "$ref": "#/definitions/part_of" },
        "doc": { "type": "string" },
        "units": { "type": "string" }
      }
    },
    "flow": {
      "type": "object",
      "required": ["equation"],
      "additionalProperties": false,
      "properties": {
        "equation": { "$ref": "#/definitions/equation" },
        "non_negative": { "type": "boolean" },
        "lookup": { "$ref": "#/definitions/table" },
        "sector": { "$ref": "#/definitions/sector" },
        "part_of": { "$ref": "#/definitions/part_of" },
        "doc": { "type": "string" },
        "units": { "type": "string" }
      }
    },
    "aux": {
      "type": "object",
      "required": ["equation"],
      "additionalProperties": false,
      "properties": {
        "equation": { "$ref": "#/definitions/equation" },
        "lookup": { "$ref": "#/definitions/table" },
        "sector": { "$ref": "#/definitions/sector" },
        "part_of": { "$ref": "#/definitions/part_of" },
        "doc": { "type": "string" },
        "units": { "type": "string" }
      }
    },
    "leverage": {
      "type": "object",
      "required": ["level", "reason"],
      "additionalProperties": false,
      "properties": {
        "level": { "type": "integer", "minimum": 1, "maximum": 12 },
        "reason": { "type": "string" }
      }
    },
    "constant": {
      "type": "object",
      "required": ["value"],
      "additionalProperties": false,
      "properties": {
        "value": { "type": "number" },
        "uncertainty": {
          "type": "object",
          "required": ["min", "max"],
          "additionalProperties": false,
          "properties": {
            "min": { "type": "number" },
            "max": { "type": "number" },
            "distribution": { "enum": ["uniform", "loguniform", "triangular"] },
            "mode": { "type": "number" },
            "source": { "type": "string" }
          }
        },
        "leverage": { "$ref": "#/definitions/leverage" },
        "sector": { "$ref": "#/definitions/sector" },
        "part_of": { "$ref": "#/definitions/part_of" },
        "doc": { "type": "string" },
        "units": { "type": "string" }
      }
    },
    "lookup": { "$ref": "#/definitions/table" },
    "metric": {
      "type": "object",
      "required": ["variable", "aggregate", "better"],
      "additionalProperties": false,
      "properties": {
        "variable": { "type": "string" },
        "aggregate": {
          "enum": ["final", "initial", "max", "min", "mean", "integral", "time_of_max", "time_of_min",
                   "first_time_above", "first_time_below", "last_time_above", "last_time_below"]
        },
        "threshold": { "type": "number" },
        "better": { "enum": ["lower", "higher"] },
        "doc": { "type": "string" },
        "units": { "type": "string" }
      }
    },
    "scenario": {
      "type": "object",
      "required": ["id", "title", "changes"],
      "additionalProperties": false,
      "properties": {
        "id": { "type": "string", "pattern": "^[A-Za-z0-9][A-Za-z0-9_.-]*$" },
        "title": { "type": "string" },
        "kind": { "enum": ["remediation", "counterfactual"], "description": "remediation (default): a change one could make; counterfactual: a what-if about the event itself, shown apart and never ranked with the remediations." },
        "description": { "type": "string" },
        "leverage": { "$ref": "#/definitions/leverage" },
        "changes": { "type": "array", "items": { "$ref": "#/definitions/change" } }
      }
    },
    "change": {
      "oneOf": [
        { "type": "object", "required": ["set"], "additionalProperties": false,
          "properties": { "set": { "type": "object", "minProperties": 1, "additionalProperties": { "type": "number" } } } },
        { "type": "object", "required": ["replace"], "additionalProperties": false,
          "properties": { "replace": { "type": "object", "required": ["variable", "equation"], "additionalProperties": false,
            "properties": { "variable": { "type": "string" }, "equation": { "$ref": "#/definitions/equation" } } } } },
        { "type": "object", "required": ["lookup"], "additionalProperties": false,
          "properties": { "lookup": { "type": "object", "required": ["variable", "points"], "additionalProperties": false,
            "properties": { "variable": { "type": "string" }, "points": { "$ref": "#/definitions/table/properties/points" },
              "interpolation": { "enum": ["continuous", "discrete", "extrapolate", "forward"] } } } } },
        { "type": "object", "required": ["add"], "additionalProperties": false,
          "properties": { "add": { "type": "object", "required": ["kind", "name"],
            "properties": { "kind": { "enum": ["stock", "flow", "aux", "constant", "lookup"] }, "name": { "type": "string" } } } } },
        { "type": "object", "required": ["remove"], "additionalProperties": false,
          "properties": { "remove": { "type": "string" } } },
        { "type": "object", "required": ["connect"], "additionalProperties": false,
          "properties": { "connect": { "type": "object", "required": ["stock"], "additionalProperties": false,
            "properties": { "stock": { "type": "string" }, "inflow": { "type": "string" }, "outflow": { "type": "string" } } } } },
        { "type": "object", "required": ["disconnect"], "additionalProperties": false,
          "properties": { "disconnect": { "type": "object", "required": ["stock", "flow"], "additionalProperties": false,
            "properties": { "stock": { "type": "string" }, "flow": { "type": "string" } } } } }
      ]
    }
  }
} as const;
