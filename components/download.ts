/** Saves a file through the browser's own download: the file is made here, nothing is sent anywhere. */
export function download(file: { filename: string; mime: string; body: string }): void {
  const url = URL.createObjectURL(new Blob([file.body], { type: file.mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = file.filename;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
