#!/usr/bin/env node
import { main } from "../dist/bundle/cli.js";

main(process.argv);
