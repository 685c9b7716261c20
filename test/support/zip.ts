// Lists the entries of a .zip (a .vsix) from its central directory; enough to check what a package ships.
import * as fs from 'node:fs';

export interface ZipEntry {
	readonly name: string;
	readonly compressedSize: number;
	readonly size: number;
}

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_DIRECTORY_HEADER = 0x02014b50;

export function listZipEntries(file: string): ZipEntry[] {
	const buffer = fs.readFileSync(file);
	let eocd = -1;
	for (let i = buffer.length - 22; i >= Math.max(0, buffer.length - 22 - 65_535); i--) {
		if (buffer.readUInt32LE(i) === END_OF_CENTRAL_DIRECTORY) {
			eocd = i;
			break;
		}
	}
	if (eocd < 0) throw new Error(`${file} is not a zip file`);
	const count = buffer.readUInt16LE(eocd + 10);
	let offset = buffer.readUInt32LE(eocd + 16);
	const entries: ZipEntry[] = [];
	for (let i = 0; i < count; i++) {
		if (buffer.readUInt32LE(offset) !== CENTRAL_DIRECTORY_HEADER) throw new Error(`${file}: bad central directory at ${offset}`);
		const compressedSize = buffer.readUInt32LE(offset + 20);
		const size = buffer.readUInt32LE(offset + 24);
		const nameLength = buffer.readUInt16LE(offset + 28);
		const extraLength = buffer.readUInt16LE(offset + 30);
		const commentLength = buffer.readUInt16LE(offset + 32);
		const name = buffer.toString('utf8', offset + 46, offset + 46 + nameLength);
		entries.push({ name, compressedSize, size });
		offset += 46 + nameLength + extraLength + commentLength;
	}
	return entries;
}
