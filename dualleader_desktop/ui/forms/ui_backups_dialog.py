# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'backups_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QDialog, QHBoxLayout,
    QHeaderView, QLabel, QPushButton, QSizePolicy,
    QSpacerItem, QTableView, QVBoxLayout, QWidget)

class Ui_BackupsDialog(object):
    def setupUi(self, BackupsDialog):
        if not BackupsDialog.objectName():
            BackupsDialog.setObjectName(u"BackupsDialog")
        BackupsDialog.resize(720, 440)
        self.mainLayout = QVBoxLayout(BackupsDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.folderLabel = QLabel(BackupsDialog)
        self.folderLabel.setObjectName(u"folderLabel")
        self.folderLabel.setWordWrap(True)
        self.folderLabel.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.mainLayout.addWidget(self.folderLabel)

        self.ruleLabel = QLabel(BackupsDialog)
        self.ruleLabel.setObjectName(u"ruleLabel")
        self.ruleLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.ruleLabel)

        self.view = QTableView(BackupsDialog)
        self.view.setObjectName(u"view")
        self.view.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SingleSelection)
        self.view.setAlternatingRowColors(True)

        self.mainLayout.addWidget(self.view)

        self.statusLabel = QLabel(BackupsDialog)
        self.statusLabel.setObjectName(u"statusLabel")
        self.statusLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.statusLabel)

        self.buttonRow = QHBoxLayout()
        self.buttonRow.setObjectName(u"buttonRow")
        self.backupButton = QPushButton(BackupsDialog)
        self.backupButton.setObjectName(u"backupButton")

        self.buttonRow.addWidget(self.backupButton)

        self.backupToFileButton = QPushButton(BackupsDialog)
        self.backupToFileButton.setObjectName(u"backupToFileButton")

        self.buttonRow.addWidget(self.backupToFileButton)

        self.restoreButton = QPushButton(BackupsDialog)
        self.restoreButton.setObjectName(u"restoreButton")

        self.buttonRow.addWidget(self.restoreButton)

        self.restoreFileButton = QPushButton(BackupsDialog)
        self.restoreFileButton.setObjectName(u"restoreFileButton")

        self.buttonRow.addWidget(self.restoreFileButton)

        self.buttonSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonRow.addItem(self.buttonSpacer)

        self.openFolderButton = QPushButton(BackupsDialog)
        self.openFolderButton.setObjectName(u"openFolderButton")

        self.buttonRow.addWidget(self.openFolderButton)

        self.closeButton = QPushButton(BackupsDialog)
        self.closeButton.setObjectName(u"closeButton")

        self.buttonRow.addWidget(self.closeButton)


        self.mainLayout.addLayout(self.buttonRow)


        self.retranslateUi(BackupsDialog)

        QMetaObject.connectSlotsByName(BackupsDialog)
    # setupUi

    def retranslateUi(self, BackupsDialog):
        BackupsDialog.setWindowTitle(QCoreApplication.translate("BackupsDialog", u"\u5907\u4efd\u4e0e\u6062\u590d", None))
        self.ruleLabel.setText(QCoreApplication.translate("BackupsDialog", u"\u6bcf\u5929\u7b2c\u4e00\u6b21\u6253\u5f00\u7a0b\u5e8f\u65f6\u81ea\u52a8\u5907\u4efd\u4e00\u6b21\uff1b\u5bfc\u5165\u82b1\u540d\u518c\u3001\u5347\u7ea7\u7a0b\u5e8f\u548c\u6062\u590d\u5907\u4efd\u4e4b\u524d\u4e5f\u5404\u5907\u4efd\u4e00\u6b21\u3002\u4fdd\u7559\u6700\u8fd1 7 \u5929\u30014 \u5468\u548c 12 \u4e2a\u6708\u5404\u4e00\u4efd\u3002", None))
        self.backupButton.setText(QCoreApplication.translate("BackupsDialog", u"\u7acb\u5373\u5907\u4efd(&B)", None))
        self.backupToFileButton.setText(QCoreApplication.translate("BackupsDialog", u"\u5907\u4efd\u5230\u6587\u4ef6(&F)\u2026", None))
        self.restoreButton.setText(QCoreApplication.translate("BackupsDialog", u"\u6062\u590d\u6240\u9009\u5907\u4efd(&R)\u2026", None))
        self.restoreFileButton.setText(QCoreApplication.translate("BackupsDialog", u"\u4ece\u6587\u4ef6\u6062\u590d(&L)\u2026", None))
        self.openFolderButton.setText(QCoreApplication.translate("BackupsDialog", u"\u6253\u5f00\u5907\u4efd\u6587\u4ef6\u5939(&O)", None))
        self.closeButton.setText(QCoreApplication.translate("BackupsDialog", u"\u5173\u95ed", None))
    # retranslateUi

